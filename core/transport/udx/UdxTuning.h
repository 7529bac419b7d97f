#pragma once

// Sender-local tuning of our UDX implementation: none of this is visible on the wire
// (spec/connection.md §6.10–§6.11 say congestion control, pacing and timers are ours to choose).

#include <cstdint>

namespace pluresdb::transport::udx::tuning {

// RTO: RFC 6298 formula with a 200 ms floor (libudx uses 1 s; RACK and TLP recover most losses
// long before either fires), doubled on every expiry up to 4 s; the stream gives up on the 7th
// expiry for one packet: a dead peer is detected after about 10 s with an RTT estimate and 23 s
// without one (libudx: 13 s, §6.10).
inline constexpr int64_t kInitialRtoUs = 1'000'000;
inline constexpr int64_t kMinRtoUs = 200'000;
inline constexpr int64_t kMaxRtoUs = 30'000'000;
inline constexpr int64_t kMaxBackedOffRtoUs = 4'000'000;
inline constexpr int kMaxRtoTimeouts = 6;

// Tail loss probe: PTO = 2·srtt, at least 10 ms so that a receiver that ACKs once per receive
// batch never triggers a spurious probe on loopback.
inline constexpr int64_t kMinPtoUs = 10'000;

// RACK reordering window: min(max(min_rtt/4 × mult, 1 ms), srtt); mult grows by one per round
// trip in which a retransmission proved spurious (RFC 8985 §6.2 uses DSACK for that), up to 16.
inline constexpr int64_t kMinReorderWindowUs = 1'000;
inline constexpr int kMaxReorderWindowMult = 16;

// Congestion control: slow start from 10 packets, then additive increase, multiplicative
// decrease at most once per round trip (a recovery episode), 4 packets minimum. The decrease is
// kLossBeta when the smoothed RTT exceeds the minimum by max(min_rtt/4, 1 ms) (a queue has built:
// congestion), else kRandomLossBeta (loss without queueing delay: likely not congestion). On a
// 10 ms path with 2 % random loss this more than doubles throughput over plain Reno.
inline constexpr double kInitialCwnd = 10;
inline constexpr double kMinCwnd = 4;
inline constexpr double kLossBeta = 0.7;
inline constexpr double kRandomLossBeta = 0.85;
inline constexpr int64_t kQueueDelayThresholdUs = 1'000;

// Pacing: rate = gain × cwnd × mtu / srtt; bursts up to 2 ms of the rate (the timer tick is 1 ms).
inline constexpr double kSlowStartPacingGain = 2.0;
inline constexpr double kPacingGain = 1.25;
inline constexpr int64_t kPacingBurstUs = 2'000;
inline constexpr int kMinPacingBurstPackets = 16;

// Longest time a stream holds back the ACK of the peer's END while its own END is unacknowledged
// (UdxStream::m_holdingEndAck). libudx gives up on an unacknowledged packet after about 13 s.
inline constexpr int64_t kMaxEndAckHoldUs = 5'000'000;

// How long a socket answers a cleanly closed stream's repeated END with the final ACK
// (UdxSocket::addTombstone); longer than a peer's retransmission schedule needs to notice.
inline constexpr int64_t kTombstoneLifetimeMs = 30'000;

// Out-of-order buffer limits that protect memory from a hostile or broken peer.
inline constexpr uint32_t kMaxReorderDistance = 65'536;
inline constexpr int64_t kMaxReorderBytes = 16 * 1024 * 1024;

}  // namespace pluresdb::transport::udx::tuning
