#pragma once

// A hand-painted traffic graph (STYLE.md 5; no Qt Charts): bytes per second of each chosen series
// over a time range, from the buckets of one engine::TrafficHistory resolution. Hovering shows the
// values at that time. It only draws what it is given: the window samples the engine's published
// state on a timer.

#include "core/engine/TrafficHistory.h"

#include <QWidget>

#include <vector>

namespace pluresdb::ui {

class TrafficGraph : public QWidget {
    Q_OBJECT
public:
    explicit TrafficGraph(QWidget* parent = nullptr);

    // `resolution`: index into engine::kTrafficResolutions; the range shown is that ring's span,
    // ending at `nowMs`.
    void setData(std::vector<engine::TrafficBucket> buckets, int resolution, qint64 nowMs);
    void setSeriesVisible(engine::TrafficSeries series, bool visible);
    bool seriesVisible(engine::TrafficSeries series) const { return m_visible[int(series)]; }

    // The bytes of a series (or of all visible ones) over the buckets shown.
    quint64 totalBytes(engine::TrafficSeries series) const;
    // What hovering at widget x shows (also the tooltip); empty outside the plot.
    QString valueTextAt(int x) const;

    static QString seriesName(engine::TrafficSeries series);
    static QColor seriesColor(engine::TrafficSeries series);

    QSize sizeHint() const override { return {640, 260}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRect plotRect() const;
    qint64 rangeStartMs() const;
    qint64 spanMs() const;
    double bucketRate(const engine::TrafficBucket& b, int series) const;
    const engine::TrafficBucket* bucketAt(int x) const;

    std::vector<engine::TrafficBucket> m_buckets;
    int m_resolution = 0;
    qint64 m_nowMs = 0;
    std::array<bool, engine::kTrafficSeriesCount> m_visible{};
    int m_hoverX = -1;
};

}  // namespace pluresdb::ui
