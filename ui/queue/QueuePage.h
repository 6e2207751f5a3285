#pragma once

#include "post/Lifecycle.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace cq {
class Backend;
}

namespace cq::ui {

class InlineMessage;
class PostTableModel;
class QueueFilterBar;

// The queue: every post in time order under a filter bar, with actions on the selected posts
// (cancel, retry, reschedule by an offset, delete), each enabled only when the lifecycle allows it
// for every selected post, and saying why not otherwise. Loads as it scrolls and follows changes
// live, whoever makes them.
class QueuePage : public QWidget {
    Q_OBJECT

public:
    explicit QueuePage(Backend &backend, QWidget *parent = nullptr);
    ~QueuePage() override;

    PostTableModel *model() const { return m_model; }
    QueueFilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    QString currentPostId() const { return m_currentId; }
    QStringList selectedPostIds() const;
    // Makes post `id` current when it is loaded; false otherwise.
    bool selectPost(const QString &id);

Q_SIGNALS:
    // The post whose details belong beside the queue; empty when none is current.
    void currentPostChanged(const QString &id);
    void composeRequested();
    void editRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildTable();
    QWidget *buildActionBar();
    QWidget *buildEmptyState();
    QAction *makeAction(const QString &text, const QString &objectName, const QString &toolTip);
    void sizeTable();
    QList<int> selectedRows() const;
    void scheduleActionUpdate();
    void updateActions();
    void updateAction(QAction *action, PostAction lifecycleAction, const QList<int> &rows);
    void updateEmptyState();
    void onCurrentRowChanged();
    void perform(PostAction action, const QStringList &ids);
    void reschedule();
    // Move up / down: the selected post trades times with the previous or next post of its account.
    void swapWithNeighbour(int direction);
    // The row of the post of the same account before (-1) or after (+1) `row`, both with a time and
    // both movable; -1 when there is none.
    int neighbourOf(int row, int direction) const;
    void confirmDelete();
    // Says what failed, if anything, of `total` posts given `action` (nullopt: a move up or down).
    void finishBatch(std::optional<PostAction> action, int failed, int total, const QString &firstError);

    Backend &m_backend;
    PostTableModel *m_model;
    QueueFilterBar *m_filterBar;
    InlineMessage *m_message;
    QStackedWidget *m_stack;
    QTableView *m_table = nullptr; // made after the action bar, for the tab order
    QLabel *m_emptyText;
    QPushButton *m_composeButton;
    QPushButton *m_clearFiltersButton;
    QLabel *m_selectionLabel;
    QAction *m_cancelAction;
    QAction *m_retryAction;
    QAction *m_rescheduleAction;
    QAction *m_deleteAction;
    QAction *m_moveUpAction;
    QAction *m_moveDownAction;
    QString m_currentId;
    bool m_actionUpdatePending = false;
    bool m_busy = false; // the backend calls of the last action are still on their way
};

} // namespace cq::ui
