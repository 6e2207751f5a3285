#pragma once

#include "post/StoredPost.h"

#include <QAbstractTableModel>

namespace cq::ui {

// Every try at publishing a post, oldest first, with what TikTok said: outcome, HTTP status, error
// code and message, and the log id TikTok's support asks for. Showing the same post again appends
// new attempts and updates changed ones.
class PublishAttemptsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // What matters most comes first, so that a narrow panel shows it without scrolling.
    enum Column { Started, Outcome, ErrorCode, LogId, HttpStatus, Message, Finished, ColumnCount };

    explicit PublishAttemptsModel(QObject *parent = nullptr);

    void setAttempts(const QList<PublishAttempt> &attempts);
    const QList<PublishAttempt> &attempts() const { return m_attempts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const PublishAttempt &attempt, int column) const;
    QVariant toolTip(const PublishAttempt &attempt, int column) const;

    QList<PublishAttempt> m_attempts;
};

} // namespace cq::ui
