#include "ui/dialogs/AboutBox.h"

#include "core/Version.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>

namespace pluresdb::ui {

QString aboutText() {
    const QString product = QString::fromLatin1(kProductName);
    return QStringLiteral("<h3>%1 %2</h3><p>%3</p><p>%4</p>")
        .arg(product.toHtmlEscaped(), QString::fromLatin1(kVersion),
             QApplication::translate("AboutBox",
                                     "Local-first data that syncs peer to peer, with no server, over "
                                     "Hyperswarm.")
                 .toHtmlEscaped(),
             QApplication::translate("AboutBox", "Built with Qt %1; running on Qt %2.")
                 .arg(QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion()))
                 .toHtmlEscaped());
}

QMessageBox* makeAboutBox(QWidget* parent) {
    auto* box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setWindowTitle(
        QApplication::translate("AboutBox", "About %1").arg(QString::fromLatin1(kProductName)));
    box->setTextFormat(Qt::RichText);
    box->setText(aboutText());
    const QIcon icon = QApplication::windowIcon();
    if (!icon.isNull())
        box->setIconPixmap(icon.pixmap(64, 64));
    box->setStandardButtons(QMessageBox::Close);
    return box;
}

}  // namespace pluresdb::ui
