#include "ui/windows/RecordsPanel.h"

#include "ui/models/FieldHistoryModel.h"
#include "ui/models/RecordsModel.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace pluresdb::ui {

RecordsPanel::RecordsPanel(Database* db, QWidget* parent) : QWidget(parent), m_db(db) {
    m_model = new RecordsModel(db, this);

    // Left: filter and table.
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 3, 6);
    m_filter = new QLineEdit;
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView;
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(RecordsModel::FieldsColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setColumnWidth(RecordsModel::IdColumn, 180);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_view);

    // Right: the editor.
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(3, 6, 6, 6);
    m_idEdit = new QLineEdit;
    m_json = new QPlainTextEdit;
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message = new QLabel;
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_new = new QPushButton;
    m_save = new QPushButton;
    m_delete = new QPushButton;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    m_idLabel = new QLabel;
    m_fieldsLabel = new QLabel;
    m_fieldsLabel->setWordWrap(true);
    rightLayout->addWidget(m_idLabel);
    rightLayout->addWidget(m_idEdit);
    rightLayout->addWidget(m_fieldsLabel);
    rightLayout->addWidget(m_json, 1);
    rightLayout->addWidget(m_message);
    rightLayout->addLayout(buttons);

    // The selected record's per-field history, beside the editor.
    auto* historyPage = new QWidget;
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(3, 6, 6, 6);
    m_historyModel = new FieldHistoryModel(this);
    m_historyView = new QTreeView;
    m_historyView->setModel(m_historyModel);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setUniformRowHeights(true);
    // Value and notes take what is left; writer and time are as wide as their text.
    m_historyView->header()->setStretchLastSection(true);
    m_historyView->header()->setSectionResizeMode(FieldHistoryModel::ValueColumn, QHeaderView::Interactive);
    m_historyView->header()->setSectionResizeMode(FieldHistoryModel::WriterColumn,
                                                  QHeaderView::ResizeToContents);
    m_historyView->header()->setSectionResizeMode(FieldHistoryModel::TimeColumn,
                                                  QHeaderView::ResizeToContents);
    m_historyView->setColumnWidth(FieldHistoryModel::ValueColumn,
                                  m_historyView->fontMetrics().averageCharWidth() * 24);
    m_historyNote = new QLabel;
    m_historyNote->setWordWrap(true);
    m_conflicts = new QLabel;
    m_conflicts->setWordWrap(true);
    m_conflicts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    historyLayout->addWidget(m_historyNote);
    historyLayout->addWidget(m_historyView, 1);
    historyLayout->addWidget(m_conflicts);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(right, QString());
    m_tabs->addTab(historyPage, QString());

    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_new, &QPushButton::clicked, this, &RecordsPanel::newRecord);
    connect(m_save, &QPushButton::clicked, this, &RecordsPanel::saveRecord);
    connect(m_delete, &QPushButton::clicked, this, &RecordsPanel::deleteRecord);
    connect(m_filter, &QLineEdit::textChanged, m_model, &RecordsModel::setPrefix);
    connect(m_json, &QPlainTextEdit::textChanged, this, &RecordsPanel::validateEditor);
    connect(m_idEdit, &QLineEdit::textChanged, this, &RecordsPanel::validateEditor);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showRecord(m_model->idAt(current.row()));
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordsPanel::summaryChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecordsPanel::summaryChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordsPanel::summaryChanged);
    connect(m_model, &RecordsModel::loadFailed, this, [this](const QString& msg) {
        emit statusMessage(tr("Cannot read the database: %1").arg(msg), 0);
    });
    connect(m_db, &Database::recordsChanged, this, [this](const QStringList& ids, bool remote) {
        if (m_loadedId.isEmpty() || !ids.contains(m_loadedId))
            return;
        loadHistory(m_loadedId);
        if (remote)
            emit statusMessage(tr("%1 was changed by a peer").arg(m_loadedId), 5000);
    });

    retranslateUi();
    newRecord();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void RecordsPanel::retranslateUi() {
    m_filter->setPlaceholderText(tr("Filter by id prefix"));
    m_idEdit->setPlaceholderText(tr("Record id, e.g. user:1"));
    m_json->setPlaceholderText(tr("{\"field\": \"value\"}"));
    m_new->setText(tr("New"));
    m_save->setText(tr("Save"));
    m_delete->setText(tr("Delete"));
    m_idLabel->setText(tr("Id"));
    m_fieldsLabel->setText(tr("Fields (a JSON object; remove a field to delete it)"));
    m_tabs->setTabText(0, tr("Edit"));
    updateHistoryTab();
    validateEditor();
}

void RecordsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RecordsPanel::loadHistory(const QString& id) {
    auto h = m_db->fieldHistory(id);
    if (!h) {
        m_historyModel->clear();
        m_historyNote->setText(tr("Cannot read the history: %1").arg(h.errorMessage()));
        m_historyError = true;
        return;
    }
    m_historyError = false;
    m_historyModel->setHistory(std::move(h).value(), m_db->siteId());
    // Fields with conflicts open, so the competing values are in view.
    for (int row = 0; row < m_historyModel->rowCount(); ++row) {
        const QModelIndex field = m_historyModel->index(row, 0);
        if (m_historyModel->data(field, FieldHistoryModel::ConflictRole).toBool())
            m_historyView->expand(field);
    }
    updateHistoryTab();
}

void RecordsPanel::updateHistoryTab() {
    const int conflicts = m_historyModel->conflictCount();
    m_tabs->setTabText(1, conflicts > 0 ? tr("History (%n conflict(s))", nullptr, conflicts) : tr("History"));
    m_tabs->setTabIcon(1, conflicts > 0 ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    // The conflicts in words under the tree, whatever the width of its columns.
    const QStringList summary = m_historyModel->conflictSummary();
    m_conflicts->setText(summary.join(u'\n'));
    m_conflicts->setVisible(!summary.isEmpty());
    if (m_historyError)
        return;
    if (m_loadedId.isEmpty())
        m_historyNote->setText(tr("Select a record to see who wrote each field, and when."));
    else if (m_historyModel->history().truncated)
        m_historyNote->setText(tr("%1: only the newest writes are shown.").arg(m_loadedId));
    else
        m_historyNote->setText(tr("%1: every write of each field, oldest first; concurrent writes are "
                                  "marked, the later clock wins.")
                                   .arg(m_loadedId));
}

QString RecordsPanel::conflictsText() const {
    return m_conflicts->text();
}

QString RecordsPanel::historyNote() const {
    return m_historyNote->text();
}

QString RecordsPanel::editorMessage() const {
    return m_message->text();
}

void RecordsPanel::setEditorMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

QString RecordsPanel::summary() const {
    // While pages are still to load the count is a lower bound.
    const QString count = m_model->complete() ? tr("%n record(s)", nullptr, m_model->rowCount())
                                              : tr("%n+ records", nullptr, m_model->rowCount());
    return count + QStringLiteral("  ·  ") + m_db->directory();
}

void RecordsPanel::focusFilter() {
    m_filter->setFocus();
    m_filter->selectAll();
}

void RecordsPanel::newRecord() {
    m_view->clearSelection();
    m_loadedId.clear();
    m_loaded = {};
    m_idEdit->clear();
    m_idEdit->setReadOnly(false);
    m_json->setPlainText(QStringLiteral("{\n}\n"));
    m_delete->setEnabled(false);
    m_historyModel->clear();
    m_historyError = false;
    updateHistoryTab();
    m_idEdit->setFocus();
}

void RecordsPanel::selectRecord(const QString& id) {
    const int row = m_model->rowOfId(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void RecordsPanel::showRecord(const QString& id) {
    auto r = m_db->get(id);
    if (!r || !r->has_value())
        return;
    m_loadedId = id;
    m_loaded = **r;
    m_idEdit->setText(id);
    m_idEdit->setReadOnly(true);
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_loaded).toJson(QJsonDocument::Indented)));
    m_delete->setEnabled(true);
    loadHistory(id);
}

void RecordsPanel::validateEditor() {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &err);
    QString problem;
    if (m_idEdit->text().isEmpty()) {
        m_save->setEnabled(false);
        setEditorMessage(tr("Enter a record id."), false);  // a hint, not an error
        return;
    }
    if (err.error != QJsonParseError::NoError)
        problem = tr("Invalid JSON at offset %1: %2").arg(err.offset).arg(err.errorString());
    else if (!doc.isObject())
        problem = tr("The fields must be a JSON object: { ... }");
    m_save->setEnabled(problem.isEmpty());
    setEditorMessage(problem, !problem.isEmpty());
}

void RecordsPanel::whenWritten(QFuture<WriteResult> future, std::function<void(const WriteResult&)> done) {
    // A QFutureWatcher, not QFuture::then(context, ...): in Qt 6.4 a continuation attached to a
    // future that the engine thread finishes at that very moment is sometimes never run.
    auto* watcher = new QFutureWatcher<WriteResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

void RecordsPanel::saveRecord() {
    validateEditor();
    if (!m_save->isEnabled())
        return;
    const QString id = m_idEdit->text();
    QJsonObject fields = QJsonDocument::fromJson(m_json->toPlainText().toUtf8()).object();
    // put overlays fields; a field removed in the editor is deleted explicitly.
    if (id == m_loadedId) {
        for (auto it = m_loaded.begin(); it != m_loaded.end(); ++it) {
            if (!fields.contains(it.key()))
                fields.insert(it.key(), QJsonValue::Null);
        }
    }
    whenWritten(m_db->put(id, fields), [this, id](const WriteResult& r) {
        if (!r.ok) {
            setEditorMessage(tr("Not saved: %1").arg(r.error), true);
            emit writeFinished(false, r.error);
            return;
        }
        m_model->refresh({id});
        selectRecord(id);
        showRecord(id);
        emit statusMessage(tr("Saved %1").arg(id), 3000);
        emit writeFinished(true, {});
    });
}

void RecordsPanel::deleteRecord() {
    const QString id = m_loadedId;
    if (id.isEmpty())
        return;
    whenWritten(m_db->remove(id), [this, id](const WriteResult& r) {
        if (!r.ok) {
            setEditorMessage(tr("Not deleted: %1").arg(r.error), true);
            emit writeFinished(false, r.error);
            return;
        }
        m_model->refresh({id});
        newRecord();
        emit statusMessage(tr("Deleted %1").arg(id), 3000);
        emit writeFinished(true, {});
    });
}

}  // namespace pluresdb::ui
