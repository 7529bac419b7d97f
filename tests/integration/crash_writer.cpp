// Helper for the crash test: writes batches of records through the Database facade (the app's real
// write path, durability Full) and prints "COMMITTED <batch>" once each batch's future reports it
// committed. The test SIGKILLs it at random moments and checks that every reported batch survived.
//   crash_writer DIR FIRST_BATCH BATCH_SIZE
#include "core/api/Database.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: crash_writer DIR FIRST_BATCH BATCH_SIZE\n");
        return 2;
    }
    auto db = pluresdb::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        std::fprintf(stderr, "crash_writer: %s\n", qPrintable(db.errorMessage()));
        return 1;
    }
    const long first = std::atol(argv[2]);
    const int size = std::atoi(argv[3]);
    for (long batch = first;; ++batch) {
        std::vector<pluresdb::store::LocalWrite> writes;
        for (int i = 0; i < size; ++i) {
            const QString id = QStringLiteral("b%1-%2").arg(batch).arg(i);
            writes.push_back({id, pluresdb::store::OpKind::Put,
                              QJsonObject{{"batch", static_cast<double>(batch)},
                                          {"i", i},
                                          {"payload", QString(64, QChar(u'a' + i % 26))}}});
        }
        auto f = (*db)->write(writes);
        f.waitForFinished();
        if (!f.result().ok) {
            std::fprintf(stderr, "crash_writer: %s\n", qPrintable(f.result().error));
            return 1;
        }
        std::printf("COMMITTED %ld\n", batch);
        std::fflush(stdout);
    }
}
