#include "ui/widgets/TrafficGraph.h"

#include "ui/models/PeersModel.h"

#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace pluresdb::ui {

using engine::TrafficSeries;

TrafficGraph::TrafficGraph(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    for (auto s : {TrafficSeries::PayloadIn, TrafficSeries::PayloadOut, TrafficSeries::OverheadIn,
                   TrafficSeries::OverheadOut})
        m_visible[int(s)] = true;
}

void TrafficGraph::setData(std::vector<engine::TrafficBucket> buckets, int resolution, qint64 nowMs) {
    m_buckets = std::move(buckets);
    m_resolution = std::clamp(resolution, 0, int(engine::kTrafficResolutions.size()) - 1);
    m_nowMs = nowMs;
    // Only what falls in the range is shown (the ring may be older than the range when sparse).
    const qint64 start = rangeStartMs();
    std::erase_if(m_buckets, [start](const engine::TrafficBucket& b) { return b.startMs < start; });
    update();
}

void TrafficGraph::setSeriesVisible(engine::TrafficSeries series, bool visible) {
    m_visible[int(series)] = visible;
    update();
}

quint64 TrafficGraph::totalBytes(engine::TrafficSeries series) const {
    quint64 sum = 0;
    for (const auto& b : m_buckets)
        sum += b.bytes[int(series)];
    return sum;
}

QString TrafficGraph::seriesName(engine::TrafficSeries series) {
    switch (series) {
        case TrafficSeries::PayloadIn:
            return tr("Sync payload in");
        case TrafficSeries::PayloadOut:
            return tr("Sync payload out");
        case TrafficSeries::OverheadIn:
            return tr("Protocol overhead in");
        case TrafficSeries::OverheadOut:
            return tr("Protocol overhead out");
        case TrafficSeries::DhtIn:
            return tr("DHT in");
        case TrafficSeries::DhtOut:
            return tr("DHT out");
        case TrafficSeries::HolepunchIn:
            return tr("Holepunch in");
        case TrafficSeries::HolepunchOut:
            return tr("Holepunch out");
        default:
            return {};
    }
}

QColor TrafficGraph::seriesColor(engine::TrafficSeries series) {
    static const QColor colors[] = {QColor(0x1e, 0x88, 0xe5), QColor(0x43, 0xa0, 0x47),
                                    QColor(0x90, 0xca, 0xf9), QColor(0xa5, 0xd6, 0xa7),
                                    QColor(0x8e, 0x24, 0xaa), QColor(0xce, 0x93, 0xd8),
                                    QColor(0xef, 0x6c, 0x00), QColor(0xff, 0xcc, 0x80)};
    const int i = int(series);
    return i >= 0 && i < engine::kTrafficSeriesCount ? colors[i] : QColor(Qt::gray);
}

qint64 TrafficGraph::spanMs() const {
    const auto& r = engine::kTrafficResolutions[size_t(m_resolution)];
    return qint64(r.bucketSeconds) * r.buckets * 1000;
}

qint64 TrafficGraph::rangeStartMs() const {
    return m_nowMs - spanMs();
}

QRect TrafficGraph::plotRect() const {
    // Room for the widest scale label ("999 bytes/s" in English; others vary).
    const int left =
        std::max(fontMetrics().horizontalAdvance(tr("%1/s").arg(PeersModel::bytesText(999))),
                 fontMetrics().horizontalAdvance(tr("%1/s").arg(PeersModel::bytesText(999900)))) +
        10;
    const int bottom = fontMetrics().height() + 6;
    return rect().adjusted(left, 6, -8, -bottom);
}

double TrafficGraph::bucketRate(const engine::TrafficBucket& b, int series) const {
    return double(b.bytes[series]) / engine::kTrafficResolutions[size_t(m_resolution)].bucketSeconds;
}

const engine::TrafficBucket* TrafficGraph::bucketAt(int x) const {
    const QRect plot = plotRect();
    if (x < plot.left() || x > plot.right() || m_buckets.empty())
        return nullptr;
    const qint64 at = rangeStartMs() + qint64(double(x - plot.left()) / plot.width() * spanMs());
    const qint64 width = qint64(engine::kTrafficResolutions[size_t(m_resolution)].bucketSeconds) * 1000;
    for (const auto& b : m_buckets)
        if (at >= b.startMs && at < b.startMs + width)
            return &b;
    return nullptr;
}

QString TrafficGraph::valueTextAt(int x) const {
    const QRect plot = plotRect();
    if (x < plot.left() || x > plot.right())
        return {};
    const qint64 at = rangeStartMs() + qint64(double(x - plot.left()) / plot.width() * spanMs());
    QString text = QLocale().toString(QDateTime::fromMSecsSinceEpoch(at).time(), QLocale::LongFormat);
    const engine::TrafficBucket* b = bucketAt(x);
    for (int s = 0; s < engine::kTrafficSeriesCount; ++s)
        if (m_visible[s])
            text += QStringLiteral("\n%1: %2")
                        .arg(seriesName(TrafficSeries(s)),
                             tr("%1/s").arg(PeersModel::bytesText(b ? bucketRate(*b, s) : 0)));
    return text;
}

void TrafficGraph::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QRect plot = plotRect();
    const qint64 start = rangeStartMs();
    const qint64 span = spanMs();
    const int bucketSeconds = engine::kTrafficResolutions[size_t(m_resolution)].bucketSeconds;

    double peak = 1;
    for (const auto& b : m_buckets)
        for (int s = 0; s < engine::kTrafficSeriesCount; ++s)
            if (m_visible[s])
                peak = std::max(peak, bucketRate(b, s));
    // A round top for the scale: 1, 2 or 5 times a power of ten.
    const double mag = std::pow(10.0, std::floor(std::log10(peak)));
    const double top = peak <= mag ? mag : peak <= 2 * mag ? 2 * mag : peak <= 5 * mag ? 5 * mag : 10 * mag;

    // Grid and labels.
    p.setPen(QPen(palette().mid().color(), 1, Qt::DotLine));
    for (int i = 0; i <= 4; ++i) {
        const int y = plot.bottom() - int(plot.height() * i / 4.0);
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(palette().text().color());
        p.drawText(QRect(0, y - fontMetrics().height() / 2, plot.left() - 4, fontMetrics().height()),
                   Qt::AlignRight | Qt::AlignVCenter, tr("%1/s").arg(PeersModel::bytesText(top * i / 4)));
        p.setPen(QPen(palette().mid().color(), 1, Qt::DotLine));
    }
    p.setPen(palette().text().color());
    const QLocale locale;
    for (int i = 0; i <= 4; ++i) {
        const int x = plot.left() + int(plot.width() * i / 4.0);
        const qint64 at = start + span * i / 4;
        const QString label =
            locale.toString(QDateTime::fromMSecsSinceEpoch(at).time(), QLocale::ShortFormat);
        const int w = fontMetrics().horizontalAdvance(label);
        p.drawText(std::clamp(x - w / 2, plot.left(), plot.right() - w),
                   plot.bottom() + fontMetrics().ascent() + 4, label);
    }
    p.drawRect(plot);

    // One line per visible series; a bucket with no traffic is zero.
    auto xOf = [&](qint64 ms) { return plot.left() + double(ms - start) / span * plot.width(); };
    auto yOf = [&](double rate) { return plot.bottom() - rate / top * plot.height(); };
    p.save();
    p.setClipRect(plot);
    for (int s = 0; s < engine::kTrafficSeriesCount; ++s) {
        if (!m_visible[s])
            continue;
        QPainterPath path;
        path.moveTo(plot.left(), plot.bottom());
        qint64 expected = start;
        for (const auto& b : m_buckets) {
            if (b.startMs > expected) {  // a gap: back to zero
                path.lineTo(xOf(expected), plot.bottom());
                path.lineTo(xOf(b.startMs), plot.bottom());
            }
            const double y = yOf(bucketRate(b, s));
            path.lineTo(xOf(b.startMs), y);
            path.lineTo(xOf(b.startMs + bucketSeconds * 1000LL), y);
            expected = b.startMs + bucketSeconds * 1000LL;
        }
        path.lineTo(xOf(std::max(expected, start)), plot.bottom());
        path.lineTo(plot.right(), plot.bottom());
        p.setPen(QPen(seriesColor(TrafficSeries(s)), 1.6));
        p.drawPath(path);
    }
    p.restore();

    // Legend.
    int lx = plot.left() + 8;
    const int ly = plot.top() + 6;
    for (int s = 0; s < engine::kTrafficSeriesCount; ++s) {
        if (!m_visible[s])
            continue;
        const QString name = seriesName(TrafficSeries(s));
        p.fillRect(QRect(lx, ly + 3, 10, 10), seriesColor(TrafficSeries(s)));
        p.setPen(palette().text().color());
        p.drawText(lx + 14, ly + fontMetrics().ascent(), name);
        lx += 14 + fontMetrics().horizontalAdvance(name) + 14;
    }

    if (m_hoverX >= plot.left() && m_hoverX <= plot.right()) {
        p.setPen(QPen(palette().highlight().color(), 1));
        p.drawLine(m_hoverX, plot.top(), m_hoverX, plot.bottom());
    }
}

void TrafficGraph::mouseMoveEvent(QMouseEvent* event) {
    m_hoverX = int(event->position().x());
    const QString text = valueTextAt(m_hoverX);
    setToolTip(text);
    if (!text.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    update();
}

void TrafficGraph::leaveEvent(QEvent*) {
    m_hoverX = -1;
    update();
}

}  // namespace pluresdb::ui
