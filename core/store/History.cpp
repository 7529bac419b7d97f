#include "core/store/History.h"

#include <algorithm>
#include <map>

namespace pluresdb::store {

bool FieldHistory::hasConflict() const {
    return std::any_of(writes.begin(), writes.end(),
                       [](const FieldWrite& w) { return !w.concurrentWith.empty(); });
}

namespace {

struct Pending {
    FieldWrite write;
    std::optional<Hlc> prev;  // causalityKnown: what the writer had (nullopt: nothing)
};

}  // namespace

std::vector<FieldHistory> buildFieldHistory(const std::vector<Op>& ops) {
    std::map<QString, std::vector<Pending>> byField;
    std::vector<const Op*> deletes;
    for (const Op& op : ops) {
        if (op.kind == OpKind::Delete) {
            deletes.push_back(&op);
            continue;
        }
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
            Pending p;
            p.write.hlc = op.hlc;
            p.write.seq = op.seq;
            const QJsonValue v = it.value();
            p.write.kind =
                v.isNull() || v.isUndefined() ? FieldWrite::Kind::FieldDeleted : FieldWrite::Kind::Value;
            if (p.write.kind == FieldWrite::Kind::Value)
                p.write.value = v;
            p.write.causalityKnown = op.prev.has_value();
            if (op.prev) {
                if (auto f = op.prev->find(it.key()); f != op.prev->end())
                    p.prev = f->second;
            }
            byField[it.key()].push_back(std::move(p));
        }
    }
    // A record delete is a write of every field the record has had.
    for (const Op* op : deletes) {
        for (auto& [name, writes] : byField) {
            Pending p;
            p.write.hlc = op->hlc;
            p.write.seq = op->seq;
            p.write.kind = FieldWrite::Kind::RecordDeleted;
            p.write.causalityKnown = op->prev.has_value();
            if (op->prev) {
                if (auto f = op->prev->find(kRecordPrevKey); f != op->prev->end())
                    p.prev = f->second;
            }
            writes.push_back(std::move(p));
        }
    }

    std::vector<FieldHistory> out;
    out.reserve(byField.size());
    for (auto& [name, pending] : byField) {
        std::sort(pending.begin(), pending.end(),
                  [](const Pending& a, const Pending& b) { return a.write.hlc < b.write.hlc; });
        // One op can reach a field once; duplicates in the input (the same op twice) are dropped.
        pending.erase(
            std::unique(pending.begin(), pending.end(),
                        [](const Pending& a, const Pending& b) { return a.write.hlc == b.write.hlc; }),
            pending.end());
        FieldHistory h;
        h.name = name;
        for (auto& p : pending)
            h.writes.push_back(p.write);
        if (!h.writes.empty())
            h.writes.back().current = true;
        for (size_t i = 0; i < pending.size(); ++i) {
            if (!pending[i].write.causalityKnown)
                continue;
            // The earlier writes this one did not see: clock in (prev, own clock).
            size_t j = 0;
            if (pending[i].prev) {
                const Hlc prev = *pending[i].prev;
                j = size_t(std::upper_bound(pending.begin(), pending.begin() + i, prev,
                                            [](const Hlc& v, const Pending& p) { return v < p.write.hlc; }) -
                           pending.begin());
            }
            for (; j < i; ++j) {
                if (pending[j].write.hlc.site == pending[i].write.hlc.site)
                    continue;  // one writer's own writes are always sequential
                h.writes[i].concurrentWith.push_back(j);
                h.writes[j].concurrentWith.push_back(i);
            }
        }
        for (auto& w : h.writes) {
            std::sort(w.concurrentWith.begin(), w.concurrentWith.end());
            w.concurrentWith.erase(std::unique(w.concurrentWith.begin(), w.concurrentWith.end()),
                                   w.concurrentWith.end());
        }
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace pluresdb::store
