// pluresdb-desktop: argument parsing and start-up only; the windows live in ui/.
#include "core/Version.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QLabel label(QString::fromLatin1(pluresdb::kProductName));
    label.show();
    return app.exec();
}
