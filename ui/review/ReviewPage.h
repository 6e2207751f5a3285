#pragma once

#include "session/Backend.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace cq::ui {

class SeverityLabel;
class PostDetailsPanel;
class ReviewListModel;

// The posts waiting for review: the list on the left, the selected post on the right (media,
// caption, settings, findings, history), and below it a comment and the two decisions: Approve
// (Ctrl+Return; the comment is optional) and Request changes (Ctrl+Shift+Return; the comment is
// required and the refusal says so inline). After a decision the next post is selected, so a
// reviewer can work through the list from the keyboard: J/K or Up/Down to move, A to approve, R to
// write the comment for a change request. Posts enter and leave the list live.
class ReviewPage : public QWidget {
    Q_OBJECT

public:
    explicit ReviewPage(Backend &backend, QWidget *parent = nullptr);
    ~ReviewPage() override;

    // Posts waiting for review (as loaded and kept current).
    int count() const;
    QString currentPostId() const;
    void selectPost(const QString &id);
    ReviewListModel *model() const { return m_model; }
    PostDetailsPanel *detailsPanel() const { return m_details; }

Q_SIGNALS:
    // The number of posts waiting for review changed ("Review (3)" in the navigation).
    void countChanged(int count);

private:
    QWidget *buildList();
    QWidget *buildDecision();
    QWidget *buildEmptyState();
    void buildShortcuts();
    void followModel();
    void load();
    void loadPage(const std::optional<PostCursor> &after);
    void selectRow(int row);
    void move(int delta);
    void currentChanged();
    void updateDecision();
    static QString decisionToolTip(PostAction action);
    void updateCount();
    void decide(PostAction action);
    void focusComment();

    Backend &m_backend;
    ReviewListModel *m_model;
    QStackedWidget *m_stack = nullptr;
    QListView *m_list = nullptr;
    PostDetailsPanel *m_details = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_requestChanges = nullptr;
    SeverityLabel *m_message = nullptr;
    SeverityLabel *m_loadMessage = nullptr;
    bool m_loaded = false;
    bool m_busy = false;
    int m_lastCount = -1;
    int m_reselectRow = -1; // the row of a selected post being removed: select what takes its place
};

} // namespace cq::ui
