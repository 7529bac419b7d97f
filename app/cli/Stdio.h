#pragma once

// stdin and stdout as binary byte pipes for the commands that connect them to a stream (net --udx,
// dht connect/listen, swarm). The platform differences live here and nowhere else:
// - POSIX: a socket notifier on fd 0 says when a read will not block (pipes, files and terminals).
// - Windows: notifiers take only sockets, so a thread reads stdin one chunk at a time and posts
//   each chunk to the event loop; stdin and stdout are switched to binary mode (no CRLF changes).

#include <QByteArray>

#include <functional>
#include <memory>

namespace pluresdb::cli {

class StdinReader {
public:
    // Chunks of at most `chunkSize` bytes. Starts disabled.
    explicit StdinReader(qsizetype chunkSize = 64 * 1024);
    ~StdinReader();
    StdinReader(const StdinReader&) = delete;
    StdinReader& operator=(const StdinReader&) = delete;

    // Runs on the event loop of the thread that made the reader.
    std::function<void(const QByteArray&)> onChunk;
    std::function<void()> onEnd;  // end of input, or reading failed; nothing follows
    // Optional: while it returns false no chunk is delivered (and on POSIX none is read).
    std::function<bool()> canAccept;

    // Disabled: no more chunks until enabled again (flow control: the stream is full).
    void setEnabled(bool enabled);

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// Writes all of `size` bytes to stdout (binary), retrying short writes; false when stdout fails.
bool writeStdout(const char* data, qint64 size);

}  // namespace pluresdb::cli
