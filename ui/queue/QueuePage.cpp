#include "queue/QueuePage.h"

#include "common/ElidedTextDelegate.h"
#include "common/InlineMessage.h"
#include "common/StatusBadgeDelegate.h"
#include "common/StatusText.h"
#include "common/TimeText.h"
#include "queue/PostTableModel.h"
#include "queue/QueueFilterBar.h"
#include "queue/QueueText.h"
#include "queue/RescheduleDialog.h"
#include "session/Backend.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace cq::ui {

namespace {

// What a batch of backend calls has to report once the last one answers.
struct Batch {
    int total = 0;
    int left = 0;
    int failed = 0;
    QString firstError;
};

// What failed, as whole sentences so that each language orders its own words: for one post ("%1":
// the error), and for several ("%1" of "%n" posts, "%2": the first error).
std::pair<QString, QString> failureSentences(std::optional<PostAction> action, int total) {
    if (!action) {
        return {QueuePage::tr("Could not move the post: %1"),
                QueuePage::tr("Could not move %1 of %n post(s). The first said: %2", nullptr, total)};
    }
    switch (*action) {
    case PostAction::Cancel:
        return {QueuePage::tr("Could not cancel the post: %1"),
                QueuePage::tr("Could not cancel %1 of %n post(s). The first said: %2", nullptr, total)};
    case PostAction::Retry:
        return {QueuePage::tr("Could not retry the post: %1"),
                QueuePage::tr("Could not retry %1 of %n post(s). The first said: %2", nullptr, total)};
    case PostAction::Schedule:
        return {QueuePage::tr("Could not reschedule the post: %1"),
                QueuePage::tr("Could not reschedule %1 of %n post(s). The first said: %2", nullptr, total)};
    case PostAction::Delete:
        return {QueuePage::tr("Could not delete the post: %1"),
                QueuePage::tr("Could not delete %1 of %n post(s). The first said: %2", nullptr, total)};
    default:
        return {QueuePage::tr("The post did not change: %1"),
                QueuePage::tr("%1 of %n post(s) did not change. The first said: %2", nullptr, total)};
    }
}

} // namespace

QueuePage::QueuePage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new PostTableModel(backend, this))
    , m_filterBar(new QueueFilterBar(backend, this))
    , m_message(new InlineMessage(this))
    , m_stack(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("queuePage"));
    m_message->setObjectName(QStringLiteral("queueMessage"));
    // Built in reading order, which is the tab order: filters, actions, the posts.
    QWidget *actions = buildActionBar();
    m_table = new QTableView(this);
    buildTable();
    m_stack->addWidget(m_table);
    m_stack->addWidget(buildEmptyState());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_filterBar, &QueueFilterBar::filterChanged, m_model, &PostTableModel::setFilter);
    connect(m_model, &PostTableModel::loadFailed, this, [this](const QString &message) {
        m_message->showMessage(tr("The queue could not be loaded: %1").arg(message),
                               InlineMessage::Kind::Error, tr("Try Again"));
    });
    connect(m_message, &InlineMessage::actionTriggered, this, [this] {
        m_message->hide();
        m_model->reload();
    });
    connect(m_model, &PostTableModel::loadingChanged, this, &QueuePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePage::onCurrentRowChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, &QueuePage::updateEmptyState);
        connect(m_model, signal, this, &QueuePage::scheduleActionUpdate);
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueuePage::scheduleActionUpdate);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &QueuePage::scheduleActionUpdate);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePage::scheduleActionUpdate);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueuePage::onCurrentRowChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT editRequested(index.data(PostTableModel::PostIdRole).toString());
    });
    updateActions();
    updateEmptyState();
}

QueuePage::~QueuePage() = default;

void QueuePage::buildTable() {
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setAccessibleName(tr("Posts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move within it
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_cancelAction, m_retryAction, m_rescheduleAction, m_deleteAction, m_moveUpAction,
                         m_moveDownAction});
    m_table->verticalHeader()->hide();
    // Every row is as tall as the others: the view never measures 100,000 of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setItemDelegateForColumn(PostTableModel::CaptionColumn, new ElidedTextDelegate(m_table));
    m_table->setItemDelegateForColumn(
        PostTableModel::StatusColumn,
        new StatusBadgeDelegate(PostTableModel::StatusRole, PostTableModel::ProgressRole, m_table));
    sizeTable();
}

void QueuePage::sizeTable() {
    const QFontMetrics metrics = m_table->fontMetrics();
    const int line = metrics.height();
    const int rowHeight = 2 * line + line / 2 + 4; // two lines of text: a time here and there
    const int side = rowHeight - 6;
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_table->setIconSize(QSize(side, side));
    m_model->setThumbnailSide(side, devicePixelRatioF());

    QHeaderView *header = m_table->horizontalHeader();
    header->setMinimumSectionSize(line);
    const auto width = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + line;
    };
    header->resizeSection(PostTableModel::ThumbnailColumn, side + line / 2);
    // Samples in the window's language (German runs a third longer than English).
    const QDateTime longMoment(QDate(2026, 9, 30), QTime(23, 59), QTimeZone("Europe/Berlin"));
    const PostSchedule sample{longMoment.toUTC(), QStringLiteral("Europe/Berlin")};
    header->resizeSection(PostTableModel::TimeColumn, width(scheduleLines(sample).first));
    header->resizeSection(PostTableModel::AccountColumn, metrics.averageCharWidth() * 20);
    header->setSectionResizeMode(PostTableModel::CaptionColumn, QHeaderView::Stretch);
    header->resizeSection(PostTableModel::MediaColumn, width(QueueText::mediaSummary(2, 0, 600)));
    int statusWidth = 0;
    for (PostStatus status :
         {PostStatus::ChangesRequested, PostStatus::NeedsAttention, PostStatus::Publishing}) {
        statusWidth = std::max(statusWidth, width(statusLabel(status) + QStringLiteral(" · 100%")));
    }
    header->resizeSection(PostTableModel::StatusColumn, statusWidth + line);
    header->resizeSection(PostTableModel::FindingsColumn, width(QueueText::findingsSummary(10, 10)));
    header->setSectionResizeMode(PostTableModel::ThumbnailColumn, QHeaderView::Fixed);
}

QAction *QueuePage::makeAction(const QString &text, const QString &objectName, const QString &toolTip) {
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setData(toolTip); // the tooltip while it is allowed
    return action;
}

QWidget *QueuePage::buildActionBar() {
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("queueActions"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_cancelAction = makeAction(tr("&Cancel posts"), QStringLiteral("cancelAction"),
                                tr("Cancel the selected posts: they will not be published"));
    m_retryAction = makeAction(tr("Re&try"), QStringLiteral("retryAction"),
                               tr("Publish the selected posts again as soon as possible"));
    m_rescheduleAction = makeAction(tr("&Reschedule…"), QStringLiteral("rescheduleAction"),
                                    tr("Move the selected posts later or earlier by minutes, hours or days"));
    m_deleteAction = makeAction(tr("&Delete…"), QStringLiteral("deleteAction"),
                                tr("Delete the selected posts from ClipQueue"));
    m_moveUpAction = makeAction(tr("Move &Up"), QStringLiteral("moveUpAction"),
                                tr("Trade times with this account's post before it"));
    m_moveUpAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveDownAction = makeAction(tr("Move Do&wn"), QStringLiteral("moveDownAction"),
                                  tr("Trade times with this account's post after it"));
    m_moveDownAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    for (QAction *move : {m_moveUpAction, m_moveDownAction}) {
        move->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    connect(m_moveUpAction, &QAction::triggered, this, [this] { swapWithNeighbour(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { swapWithNeighbour(1); });
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_cancelAction, &QAction::triggered, this,
            [this] { perform(PostAction::Cancel, selectedPostIds()); });
    connect(m_retryAction, &QAction::triggered, this,
            [this] { perform(PostAction::Retry, selectedPostIds()); });
    connect(m_rescheduleAction, &QAction::triggered, this, &QueuePage::reschedule);
    connect(m_deleteAction, &QAction::triggered, this, &QueuePage::confirmDelete);
    const QList<std::pair<QAction *, const char *>> buttons{
        {m_cancelAction, "cancelButton"},         {m_retryAction, "retryButton"},
        {m_rescheduleAction, "rescheduleButton"}, {m_deleteAction, "deleteButton"},
        {m_moveUpAction, "moveUpButton"},         {m_moveDownAction, "moveDownButton"}};
    for (const auto &[action, name] : buttons) {
        auto *button = new QToolButton(bar);
        button->setObjectName(QLatin1StringView(name));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    m_selectionLabel = new QLabel(bar);
    m_selectionLabel->setObjectName(QStringLiteral("selectionSummary"));
    layout->addWidget(m_selectionLabel);
    return bar;
}

QWidget *QueuePage::buildEmptyState() {
    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(QStringLiteral("emptyStateText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    QFont larger = m_emptyText->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.25);
    m_emptyText->setFont(larger);
    m_composeButton = new QPushButton(tr("&Compose a Post"), empty);
    m_composeButton->setObjectName(QStringLiteral("composeButton"));
    m_clearFiltersButton = new QPushButton(tr("C&lear Filters"), empty);
    m_clearFiltersButton->setObjectName(QStringLiteral("clearFiltersButton"));
    connect(m_composeButton, &QPushButton::clicked, this, &QueuePage::composeRequested);
    connect(m_clearFiltersButton, &QPushButton::clicked, m_filterBar, &QueueFilterBar::clear);
    auto *layout = new QVBoxLayout(empty);
    layout->addStretch(1);
    layout->addWidget(m_emptyText);
    layout->addWidget(m_composeButton, 0, Qt::AlignHCenter);
    layout->addWidget(m_clearFiltersButton, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return empty;
}

void QueuePage::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (m_table && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)) {
        sizeTable();
    }
}

QList<int> QueuePage::selectedRows() const {
    QList<int> rows;
    // Ranges, not selectedRows(): select-all over 100,000 posts is one range.
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            rows << row;
        }
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QStringList QueuePage::selectedPostIds() const {
    QStringList ids;
    for (int row : selectedRows()) {
        ids << m_model->rowAt(row).id;
    }
    return ids;
}

bool QueuePage::selectPost(const QString &id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_model->index(row, PostTableModel::CaptionColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void QueuePage::scheduleActionUpdate() {
    if (m_actionUpdatePending) {
        return;
    }
    m_actionUpdatePending = true; // a burst of changes costs one pass over the selection
    QTimer::singleShot(0, this, [this] {
        m_actionUpdatePending = false;
        updateActions();
    });
}

void QueuePage::updateActions() {
    const QList<int> rows = selectedRows();
    updateAction(m_cancelAction, PostAction::Cancel, rows);
    updateAction(m_retryAction, PostAction::Retry, rows);
    updateAction(m_rescheduleAction, PostAction::Schedule, rows);
    updateAction(m_deleteAction, PostAction::Delete, rows);
    for (const auto &[move, direction] : {std::pair{m_moveUpAction, -1}, std::pair{m_moveDownAction, 1}}) {
        const bool can = rows.size() == 1 && !m_busy && neighbourOf(rows.first(), direction) >= 0;
        move->setEnabled(can);
        move->setToolTip(
            can ? move->data().toString() + u" (" + move->shortcut().toString(QKeySequence::NativeText) + u')'
                : tr("Select one post that has a time, with another movable post of its account %1 it.")
                      .arg(direction < 0 ? tr("before") : tr("after")));
    }
    m_selectionLabel->setText(rows.isEmpty() ? QString()
                                             : tr("%Ln post(s) selected", nullptr, int(rows.size())));
}

void QueuePage::updateAction(QAction *action, PostAction lifecycleAction, const QList<int> &rows) {
    const QString allowed = action->data().toString();
    const QString shortcut = action->shortcut().isEmpty()
                                 ? QString()
                                 : u" (" + action->shortcut().toString(QKeySequence::NativeText) + u')';
    if (rows.isEmpty()) {
        action->setEnabled(false);
        action->setToolTip(tr("Select posts first. %1").arg(allowed) + shortcut);
        return;
    }
    for (int row : rows) {
        const QueueRow &post = m_model->rowAt(row);
        if (!post.allows(lifecycleAction)) {
            QString why =
                Lifecycle::whyNot(lifecycleAction, post.status, m_backend.workspace().approvalRequired);
            if (why.isEmpty()) {
                why = tr("Not allowed for this post now.");
            }
            action->setEnabled(false);
            action->setToolTip(rows.size() == 1 ? why : tr("Not for every selected post. %1").arg(why));
            return;
        }
    }
    action->setEnabled(!m_busy);
    action->setToolTip(m_busy ? tr("Waiting for the last action to finish.") : allowed + shortcut);
}

void QueuePage::updateEmptyState() {
    const bool empty = m_model->rowCount() == 0 && m_model->isComplete() && !m_model->isLoading();
    if (empty) {
        const bool filtered = !m_filterBar->isDefault();
        m_emptyText->setText(filtered ? tr("No posts match these filters.")
                                      : tr("No posts yet — compose one"));
        m_composeButton->setVisible(!filtered);
        m_clearFiltersButton->setVisible(filtered);
    }
    m_stack->setCurrentIndex(empty ? 1 : 0);
}

void QueuePage::onCurrentRowChanged() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QString id = current.isValid() ? current.data(PostTableModel::PostIdRole).toString() : QString();
    if (id != m_currentId) {
        m_currentId = id;
        Q_EMIT currentPostChanged(id);
    }
}

void QueuePage::perform(PostAction action, const QStringList &ids) {
    if (ids.isEmpty() || m_busy) {
        return;
    }
    m_message->hide();
    auto batch = std::make_shared<Batch>(Batch{int(ids.size()), int(ids.size()), 0, {}});
    m_busy = true;
    updateActions();
    for (const QString &id : ids) {
        m_backend.perform(id, action, {}, this,
                          [this, batch, action](std::expected<std::optional<PostRow>, Error> result) {
                              if (!result && batch->failed++ == 0) {
                                  batch->firstError = result.error().message;
                              }
                              if (--batch->left == 0) {
                                  finishBatch(action, batch->failed, batch->total, batch->firstError);
                              }
                          });
    }
}

void QueuePage::reschedule() {
    const QStringList ids = selectedPostIds();
    if (ids.isEmpty() || m_busy) {
        return;
    }
    auto *dialog = new RescheduleDialog(int(ids.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        const RescheduleOffset offset = dialog->offset();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto batch = std::make_shared<Batch>(Batch{int(ids.size()), int(ids.size()), 0, {}});
        m_busy = true;
        m_message->hide();
        updateActions();
        const auto done = [this, batch](std::expected<PostRow, Error> result) {
            if (!result && batch->failed++ == 0) {
                batch->firstError = result.error().message;
            }
            if (--batch->left == 0) {
                finishBatch(PostAction::Schedule, batch->failed, batch->total, batch->firstError);
            }
        };
        for (const QString &id : ids) {
            const int row = m_model->rowOf(id); // as it is now: it may have changed while the dialog was open
            if (row < 0) {
                done(std::unexpected(Error{ErrorCode::NotFound, tr("The post is no longer in this queue.")}));
                continue;
            }
            const QueueRow &post = m_model->rowAt(row);
            m_backend.schedule(id, offset.apply(post.atUtc, post.timeZone, now), post.timeZone, this, done);
        }
    });
    dialog->open();
}

int QueuePage::neighbourOf(int row, int direction) const {
    const bool approval = m_backend.workspace().approvalRequired;
    const QueueRow &post = m_model->rowAt(row);
    if (!post.atUtc || !Lifecycle::rescheduleAction(post.status, approval)) {
        return -1;
    }
    for (int other = row + direction; other >= 0 && other < m_model->rowCount(); other += direction) {
        const QueueRow &candidate = m_model->rowAt(other);
        if (candidate.accountId == post.accountId && candidate.atUtc && *candidate.atUtc != *post.atUtc) {
            return Lifecycle::rescheduleAction(candidate.status, approval) ? other : -1;
        }
    }
    return -1;
}

void QueuePage::swapWithNeighbour(int direction) {
    const QList<int> rows = selectedRows();
    if (rows.size() != 1 || m_busy) {
        return;
    }
    const int other = neighbourOf(rows.first(), direction);
    if (other < 0) {
        return;
    }
    m_busy = true;
    m_message->hide();
    updateActions();
    m_backend.swapTimes(m_model->rowAt(rows.first()).id, m_model->rowAt(other).id, this,
                        [this](std::expected<QList<PostRow>, Error> swapped) {
                            finishBatch(std::nullopt, swapped ? 0 : 1, 1,
                                        swapped ? QString() : swapped.error().message);
                        });
}

void QueuePage::confirmDelete() {
    const QStringList ids = selectedPostIds();
    if (ids.isEmpty() || m_busy || !m_deleteAction->isEnabled()) {
        return; // the Delete key reaches here even when the action is not allowed
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Posts"),
                                ids.size() == 1 ? tr("Delete this post?")
                                                : tr("Delete %Ln post(s)?", nullptr, int(ids.size())),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setInformativeText(
        tr("They are removed from ClipQueue for good. Posts already published stay on TikTok."));
    QPushButton *confirm = box->addButton(
        ids.size() == 1 ? tr("Delete Post") : tr("Delete %Ln Post(s)", nullptr, int(ids.size())),
        QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, ids] {
        if (box->clickedButton() == confirm) {
            perform(PostAction::Delete, ids);
        }
    });
    box->open();
}

void QueuePage::finishBatch(std::optional<PostAction> action, int failed, int total,
                            const QString &firstError) {
    m_busy = false;
    updateActions();
    if (failed == 0) {
        return; // the rows show what happened
    }
    const auto [one, several] = failureSentences(action, total);
    const QString what =
        total == 1 ? one.arg(firstError) : several.arg(QLocale().toString(failed), firstError);
    m_message->showMessage(what, InlineMessage::Kind::Error);
}

} // namespace cq::ui
