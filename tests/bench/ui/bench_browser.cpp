// The data browser over a large space: time from creating the browser to its first paint, and the
// longest stall of the GUI thread while scrolling (page steps, drags and jumps to the end, which
// load more pages). A zero-interval timer runs once per event-loop turn; the longest gap between
// two of its runs is the longest time the GUI thread could not react.
//   bench_browser [--records N] [--db DIR] [--steps S]
#include "core/api/Database.h"
#include "core/store/Store.h"
#include "ui/models/RecordsModel.h"
#include "ui/windows/RecordsPanel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace pluresdb;

namespace {

class FirstPaint : public QObject {
public:
    bool painted = false;
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(o, e);
    }
};

void fill(const QString& dir, int n) {
    store::Store::Options o;
    o.durability = store::Store::Durability::Normal;
    auto s = std::move(store::Store::open(dir, o)).value();
    const int have = static_cast<int>(*s->opCount());  // records r0000000.. are written in order
    if (have >= n)
        return;
    std::printf("creating %d records in %s ...\n", n, qPrintable(dir));
    for (int i = have; i < n; i += 10000) {
        std::vector<store::LocalWrite> batch;
        for (int j = i; j < std::min(n, i + 10000); ++j) {
            batch.push_back(
                {QString("r%1").arg(j, 7, 10, QChar('0')), store::OpKind::Put,
                 QJsonObject{{"name", QString("record %1").arg(j)}, {"n", j}, {"tags", "a,b,c"}}});
        }
        if (!s->write(batch))
            qFatal("write failed");
    }
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    int n = 1'000'000;
    int steps = 3000;
    QString dir = QDir::temp().filePath(QStringLiteral("pluresdb-bench-browser"));
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--records")
            n = args[i + 1].toInt();
        else if (args[i] == "--db")
            dir = args[i + 1];
        else if (args[i] == "--steps")
            steps = args[i + 1].toInt();
    }
    fill(dir, n);
    auto db = std::move(Database::open(dir)).value();

    QElapsedTimer t;
    t.start();
    ui::RecordsPanel panel(db.get());
    panel.resize(1000, 700);
    FirstPaint probe;
    panel.recordsView()->viewport()->installEventFilter(&probe);
    panel.show();
    while (!probe.painted)
        app.processEvents(QEventLoop::AllEvents, 5);
    const double firstPaintMs = t.nsecsElapsed() / 1e6;

    // Scroll: page steps down, drags to random places, jumps to the end (loads more pages).
    QScrollBar* bar = panel.recordsView()->verticalScrollBar();
    QElapsedTimer gap;
    gap.start();
    qint64 worstNs = 0;
    std::vector<double> gapsMs;
    // The longest gaps, and whether a page was fetched during each (rows grew): tells a stall in
    // our page fetch from one where the thread was merely descheduled on a busy machine.
    std::vector<std::pair<double, bool>> worst;
    // The same gaps in GUI-thread CPU time: on a loaded machine a wall-clock gap may be time the
    // thread was not running at all; CPU time is the work we did in that pass.
    auto threadCpuNs = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    };
    qint64 cpuMark = threadCpuNs();
    std::vector<double> cpuGapsMs;
    const auto* rowsModel = panel.recordsView()->model();
    int rowsBefore = rowsModel->rowCount();
    QTimer watchdog;
    watchdog.setInterval(0);
    QObject::connect(&watchdog, &QTimer::timeout, [&] {
        const qint64 g = gap.nsecsElapsed();
        worstNs = std::max(worstNs, g);
        gapsMs.push_back(g / 1e6);
        const qint64 cpuNow = threadCpuNs();
        cpuGapsMs.push_back((cpuNow - cpuMark) / 1e6);
        cpuMark = cpuNow;
        const int rows = rowsModel->rowCount();
        worst.emplace_back(g / 1e6, rows != rowsBefore);
        rowsBefore = rows;
        if (worst.size() > 64) {
            std::sort(worst.begin(), worst.end(), [](auto& a, auto& b) { return a.first > b.first; });
            worst.resize(5);
        }
        gap.restart();
    });
    int step = 0;
    QTimer scroller;
    scroller.setInterval(1);
    QObject::connect(&scroller, &QTimer::timeout, [&] {
        if (step++ >= steps) {
            app.quit();
            return;
        }
        if (step % 10 == 0)
            bar->setValue(bar->maximum());  // to the end: fetch the next page
        else if (step % 7 == 0)
            bar->setValue(bar->maximum() * (step % 13) / 13);  // a drag
        else
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
    });
    watchdog.start();
    scroller.start();
    gap.restart();
    app.exec();
    std::sort(gapsMs.begin(), gapsMs.end());
    const auto* model = static_cast<ui::RecordsModel*>(panel.recordsView()->model());
    std::printf("records in space: %d; rows loaded after scrolling: %d\n", n, model->rowCount());
    std::printf("time to first paint: %.1f ms (target < 1000)\n", firstPaintMs);
    std::printf(
        "GUI-thread stall while scrolling (%d steps): longest %.2f ms (target < 16), p99 %.2f ms, median "
        "%.3f ms\n",
        steps, worstNs / 1e6, gapsMs[gapsMs.size() * 99 / 100], gapsMs[gapsMs.size() / 2]);
    std::sort(cpuGapsMs.begin(), cpuGapsMs.end());
    std::printf("GUI-thread CPU time per event-loop pass: longest %.2f ms, p99 %.2f ms, median %.3f ms\n",
                cpuGapsMs.back(), cpuGapsMs[cpuGapsMs.size() * 99 / 100], cpuGapsMs[cpuGapsMs.size() / 2]);
    std::sort(worst.begin(), worst.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::printf("longest gaps:");
    for (size_t i = 0; i < worst.size() && i < 5; ++i)
        std::printf(" %.2f ms (%s)", worst[i].first, worst[i].second ? "page fetched" : "no fetch");
    std::printf("\n");
    return 0;
}
