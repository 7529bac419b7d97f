#include "ui/widgets/TraceTimeline.h"

#include "core/api/SyncTrace.h"
#include "ui/models/TraceModel.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QSortFilterProxyModel>

#include <limits>
#include <tuple>

namespace pluresdb::ui {

namespace {

QColor kindColor(const QString& kind) {
    using namespace api::trace;
    if (kind == QLatin1String(kOpSent))
        return {0x1e, 0x88, 0xe5};
    if (kind == QLatin1String(kOpReceived))
        return {0x43, 0xa0, 0x47};
    if (kind == QLatin1String(kAdmissionFailed) || kind == QLatin1String(kError))
        return {0xd3, 0x2f, 0x2f};
    if (kind == QLatin1String(kInSync))
        return {0x2e, 0x7d, 0x32};
    if (kind == QLatin1String(kConnected) || kind == QLatin1String(kDisconnected))
        return {0x42, 0x42, 0x42};
    return {0x8e, 0x24, 0xaa};  // DHT and holepunch steps
}

constexpr int kLabelWidth = 110;
constexpr int kLaneHeight = 28;

}  // namespace

TraceTimeline::TraceTimeline(QWidget* parent) : QWidget(parent) {}

void TraceTimeline::setModel(QAbstractItemModel* model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    auto changed = [this] { update(); };
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(model, &QAbstractItemModel::modelReset, this, changed);
    connect(model, &QAbstractItemModel::layoutChanged, this, changed);
    update();
}

void TraceTimeline::setSelectedSeq(quint64 seq) {
    m_selected = seq;
    update();
}

QStringList TraceTimeline::lanes() const {
    QStringList out;
    if (!m_model)
        return out;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString id = m_model->index(r, 0).data(TraceModel::PeerIdRole).toString();
        if (!id.isEmpty() && !out.contains(id))
            out << id;
    }
    return out;
}

void TraceTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    m_marks.clear();
    if (!m_model || m_model->rowCount() == 0) {
        p.setPen(palette().placeholderText().color());
        p.drawText(rect(), Qt::AlignCenter, tr("No events yet"));
        return;
    }
    const QStringList laneIds = lanes();
    const int rows = m_model->rowCount();
    // The time axis spans the events shown.
    qint64 t0 = std::numeric_limits<qint64>::max();
    qint64 t1 = std::numeric_limits<qint64>::min();
    std::vector<std::tuple<qint64, int, QString, quint64>> events;  // time, lane, kind, seq
    events.reserve(size_t(rows));
    const auto* source = qobject_cast<const QSortFilterProxyModel*>(m_model.data());
    const auto* traceModel = qobject_cast<const TraceModel*>(source ? source->sourceModel() : m_model.data());
    for (int r = 0; r < rows; ++r) {
        const QModelIndex i = m_model->index(r, 0);
        const int sourceRow = source ? source->mapToSource(i).row() : r;
        const api::TraceEvent* e = traceModel ? traceModel->eventAt(sourceRow) : nullptr;
        if (!e)
            continue;
        t0 = std::min(t0, e->atMs);
        t1 = std::max(t1, e->atMs);
        events.emplace_back(e->atMs, int(laneIds.indexOf(e->peerId)), e->kind, e->seq);
    }
    const double span = std::max<qint64>(1, t1 - t0);
    const QRect plot = rect().adjusted(kLabelWidth, 6, -10, -6);
    const int laneHeight =
        std::max(12, std::min(kLaneHeight, plot.height() / std::max(1, int(laneIds.size()))));
    p.setPen(palette().text().color());
    for (int l = 0; l < laneIds.size(); ++l) {
        const int y = plot.top() + l * laneHeight + laneHeight / 2;
        p.drawText(QRect(4, y - laneHeight / 2, kLabelWidth - 8, laneHeight),
                   Qt::AlignVCenter | Qt::AlignLeft, laneIds[l].left(12));
        p.setPen(QPen(palette().mid().color(), 1));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(palette().text().color());
    }
    for (const auto& [at, lane, kind, seq] : events) {
        if (lane < 0)
            continue;
        const double x = plot.left() + (at - t0) / span * plot.width();
        double y = plot.top() + lane * laneHeight + laneHeight / 2.0;
        if (kind == QLatin1String(api::trace::kOpSent))
            y -= laneHeight / 4.0;
        else if (kind == QLatin1String(api::trace::kOpReceived))
            y += laneHeight / 4.0;
        const QPointF c(x, y);
        m_marks.push_back({c, seq});
        p.setPen(seq == m_selected ? QPen(palette().highlight().color(), 2) : Qt::NoPen);
        p.setBrush(kindColor(kind));
        p.drawEllipse(c, seq == m_selected ? 5.0 : 3.0, seq == m_selected ? 5.0 : 3.0);
    }
}

void TraceTimeline::mousePressEvent(QMouseEvent* event) {
    const QPointF at = event->position();
    const Mark* best = nullptr;
    double bestDistance = 64;  // within 8 px
    for (const auto& m : m_marks) {
        const QPointF d = m.at - at;
        const double dist = d.x() * d.x() + d.y() * d.y();
        if (dist < bestDistance) {
            bestDistance = dist;
            best = &m;
        }
    }
    if (best) {
        setSelectedSeq(best->seq);
        emit eventClicked(best->seq);
    }
}

}  // namespace pluresdb::ui
