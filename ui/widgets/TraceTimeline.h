#pragma once

// The sync debugger's timeline (issue #9): one lane per peer, one mark per event, coloured by kind
// (connects, disconnects, failures, ops sent above the lane's line, ops received below). It shows
// the rows its (filtered) model shows; clicking a mark selects that event.

#include <QAbstractItemModel>
#include <QPointer>
#include <QWidget>

namespace pluresdb::ui {

class TraceTimeline : public QWidget {
    Q_OBJECT
public:
    explicit TraceTimeline(QWidget* parent = nullptr);
    // A model with TraceModel's roles and columns (TraceModel or a filter over it).
    void setModel(QAbstractItemModel* model);
    void setSelectedSeq(quint64 seq);
    QStringList lanes() const;  // peer ids, in order of first event

    QSize sizeHint() const override { return {640, 160}; }
    QSize minimumSizeHint() const override { return {200, 80}; }

signals:
    void eventClicked(quint64 seq);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Mark {
        QPointF at;
        quint64 seq;
    };
    void layoutMarks();

    QPointer<QAbstractItemModel> m_model;
    quint64 m_selected = 0;
    std::vector<Mark> m_marks;
};

}  // namespace pluresdb::ui
