#pragma once

// The process-wide table of live UDX stream ids (spec §6.15): every socket of the process
// demultiplexes into it, so a stream can receive on any socket (hole punching, path change).
// Ids are random 32-bit numbers unique in the process. All streams and sockets live on one
// thread (the engine thread); the mutex only guards id allocation against other threads.

#include <QtGlobal>

#include <mutex>
#include <unordered_map>

namespace pluresdb::transport::udx {

class UdxStream;

class UdxStreamRegistry {
public:
    static UdxStreamRegistry& instance();

    // Registers `stream` under a fresh random id and returns it.
    quint32 allocate(UdxStream* stream);
    // Registers under a chosen id; false if that id is taken.
    bool claim(quint32 id, UdxStream* stream);
    void release(quint32 id, const UdxStream* stream);
    UdxStream* find(quint32 id) const;
    std::size_t size() const;

private:
    mutable std::mutex m_mutex;
    std::unordered_map<quint32, UdxStream*> m_streams;
};

}  // namespace pluresdb::transport::udx
