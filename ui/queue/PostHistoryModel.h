#pragma once

#include "post/StoredPost.h"

#include <QAbstractTableModel>

namespace cq::ui {

// A post's append-only history, oldest first: when, who, the status it moved from and to (or, where
// the status stayed, what they did: "Edited"), and their comment; the action is in the tooltip. Showing the
// same post again appends the new rows only.
class PostHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { When, Who, Change, Comment, ColumnCount };

    explicit PostHistoryModel(QObject *parent = nullptr);

    void setEntries(const QList<HistoryEntry> &entries);
    const QList<HistoryEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "Draft → In review"; where the status stayed, the action: "Created", "Edited", "Sent to TikTok".
    static QString changeText(const HistoryEntry &entry);
    // "Ana", or "Publisher (host-123)" for a runner.
    static QString actorText(const QString &actor);

private:
    QVariant display(const HistoryEntry &entry, int column) const;

    QList<HistoryEntry> m_entries;
};

} // namespace cq::ui
