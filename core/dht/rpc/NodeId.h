#pragma once

// Node ids and the XOR metric (spec/hyperdht.md §2.3). A persistent node's id is not chosen: it is
// BLAKE2b-256 of its public ipv4Address encoding, so any receiver can check a claimed id against
// the UDP source address.

#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

namespace pluresdb::dht::rpc {

// BLAKE2b-256(ip[4] ‖ port_le[2]).
QByteArray nodeIdFor(const encoding::Ipv4Address& address);
// The id a request or response claims, if it matches the address it came from (§2.2: a mismatching
// id is discarded and the sender treated as id-less); otherwise an empty array.
QByteArray validatedId(const QByteArray& claimedId, const encoding::Ipv4Address& from);
// Compares the XOR distances of a and b to target, bytewise from byte 0: negative if a is closer,
// positive if b is closer, 0 if equal. All three must be 32 bytes.
int compareDistance(const QByteArray& target, const QByteArray& a, const QByteArray& b);

}  // namespace pluresdb::dht::rpc
