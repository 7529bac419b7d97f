// engine::TaskQueue, the facade's way to the engine thread and back: tasks run on the queue's
// thread in the order they were posted, from any number of threads; call() waits for its task (and
// runs it at once on the queue's own thread); tasks still queued when the queue goes are dropped.

#include "core/engine/EngineThread.h"
#include "core/engine/TaskQueue.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace pluresdb::engine;

class TestTaskQueue : public QObject {
    Q_OBJECT
private slots:
    /// Posts from another thread run on the queue's thread, all of them, in order.
    void postsRunInOrderOnTheQueuesThread() {
        TaskQueue here;
        std::vector<int> seen;
        bool wrongThread = false;
        QThread* mine = QThread::currentThread();
        std::unique_ptr<QThread> poster(QThread::create([&] {
            for (int i = 0; i < 1000; ++i) {
                here.post([&, i] {
                    if (QThread::currentThread() != mine)
                        wrongThread = true;
                    seen.push_back(i);
                });
            }
        }));
        poster->start();
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), size_t(1000), 30000);
        poster->wait();
        QVERIFY(!wrongThread);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(seen[i], i);
    }

    /// call() from another thread returns after its task ran on the engine thread, after every
    /// task posted before it; on the queue's own thread it runs inline.
    void callWaitsAndKeepsOrder() {
        auto engine = EngineThread::shared();
        TaskQueue* root = engine->root();
        std::atomic<int> done{0};
        for (int i = 0; i < 100; ++i)
            root->post([&] { done.fetch_add(1); });
        QThread* ranOn = nullptr;
        int doneBeforeCall = -1;
        root->call([&] {
            ranOn = QThread::currentThread();
            doneBeforeCall = done.load();
        });
        QCOMPARE(ranOn, engine->thread());
        QCOMPARE(doneBeforeCall, 100);
        bool inner = false;
        root->call([&] { root->call([&] { inner = true; }); });  // would deadlock if not inline
        QVERIFY(inner);
    }

    /// A queue deleted with tasks still queued destroys them without running them.
    void queuedTasksAreDroppedWithTheQueue() {
        auto alive = std::make_shared<int>(1);
        bool ran = false;
        {
            TaskQueue q;
            q.post([&ran, alive] { ran = true; });
            QCOMPARE(alive.use_count(), 2L);
        }
        QCOMPARE(alive.use_count(), 1L);
        QCoreApplication::processEvents();
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestTaskQueue)
#include "test_task_queue.moc"
