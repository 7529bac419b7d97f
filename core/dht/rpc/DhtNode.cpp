#include "core/dht/rpc/DhtNode.h"

// Placeholder until the dht-rpc node lands (branch dht-rpc replaces this file): AUTOMOC emits
// DhtNode's vtable, which needs the destructor.

namespace pluresdb::dht::rpc {

struct DhtNode::Impl {};

DhtNode::~DhtNode() = default;

}  // namespace pluresdb::dht::rpc
