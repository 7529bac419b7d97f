#pragma once

// The connection doctor (issue #9): from the trace events of one peer, the steps its connection
// took (lookup, relay handshake, NAT classes, punch rounds, the encrypted channel, the key proof,
// in sync), each with its time, and when something failed, the cause in plain words and what to
// try. Pure: it reads events and returns text, so tests can check it on a real session's trace.

#include "core/api/SyncTrace.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace pluresdb::ui {

struct DoctorStep {
    enum class State { Ok, Failed, Info };
    QString title;
    QString detail;
    qint64 atMs = 0;
    State state = State::Info;
};

struct Diagnosis {
    enum class Verdict { Unknown, Connected, InSync, Failed, Disconnected };
    Verdict verdict = Verdict::Unknown;
    std::vector<DoctorStep> steps;
    QString summary;  // one line: where it stands
    QString cause;    // when failed: why, in plain words
    QString advice;   // when failed: what to try
};

class ConnectionDoctor {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::ui::ConnectionDoctor)
public:
    // `events`: the trace (any order of peers; the peer's own are picked by id).
    static Diagnosis diagnose(const QString& peerId, const std::vector<api::TraceEvent>& events);
    // A failure's cause and advice from its message (the engine's words).
    static void explain(const QString& kind, const QString& message, QString* cause, QString* advice);
};

}  // namespace pluresdb::ui
