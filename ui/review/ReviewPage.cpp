#include "review/ReviewPage.h"

#include "common/PostText.h"
#include "common/SeverityLabel.h"
#include "queue/PostDetailsPanel.h"
#include "review/ReviewItemDelegate.h"
#include "review/ReviewListModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
constexpr int PageSize = 500;

QString withShortcut(const QString &text, const QKeySequence &keys) {
    return QStringLiteral("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText));
}

const QKeySequence approveKeys(Qt::CTRL | Qt::Key_Return);
const QKeySequence requestChangesKeys(Qt::CTRL | Qt::SHIFT | Qt::Key_Return);
} // namespace

ReviewPage::ReviewPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ReviewListModel(backend, this)) {
    setObjectName(QStringLiteral("reviewPage"));
    // Before the view's selection model connects: this page picks the post after a removed one.
    followModel();

    m_loadMessage = new SeverityLabel(this);
    m_loadMessage->setObjectName(QStringLiteral("loadMessage"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildList());
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new PostDetailsPanel(backend, right);
    m_details->setActionsVisible(false);
    rightLayout->addWidget(m_details, 1);
    rightLayout->addWidget(buildDecision());
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({fontMetrics().averageCharWidth() * 50, fontMetrics().averageCharWidth() * 100});
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildEmptyState());
    m_stack->addWidget(splitter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_loadMessage);
    layout->addWidget(m_stack, 1);
    buildShortcuts();
    setTabOrder(m_list, m_comment);
    setTabOrder(m_comment, m_requestChanges); // as they read, left to right
    setTabOrder(m_requestChanges, m_approve);

    connect(&backend, &Backend::postChanged, m_model, &ReviewListModel::apply);
    connect(&backend, &Backend::postRemoved, m_model, &ReviewListModel::remove);
    connect(&backend, &Backend::ready, this, &ReviewPage::load);
    if (backend.isReady()) {
        load();
    }
    updateCount();
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::followModel() {
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                const int current = m_list->currentIndex().row();
                m_reselectRow = current >= first && current <= last ? first : -1;
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_reselectRow >= 0) {
            selectRow(std::min(m_reselectRow, count() - 1));
            m_reselectRow = -1;
        }
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_list->currentIndex().isValid()) {
            selectRow(0);
        }
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReviewPage::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ReviewPage::updateDecision);
}

QWidget *ReviewPage::buildList() {
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("reviewList"));
    m_list->setAccessibleName(tr("Posts waiting for review"));
    m_list->setItemDelegate(new ReviewItemDelegate(m_list));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(true);
    m_list->setMinimumWidth(fontMetrics().averageCharWidth() * 42);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReviewPage::currentChanged);
    return m_list;
}

QWidget *ReviewPage::buildDecision() {
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("decisionBox"));
    auto *layout = new QVBoxLayout(box);
    auto *label = new QLabel(tr("&Comment (optional to approve, required to request changes):"), box);
    m_comment = new QPlainTextEdit(box);
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setAccessibleName(tr("Review comment"));
    m_comment->setPlaceholderText(tr("What should change? The author sees this in the post's history."));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(fontMetrics().lineSpacing() * 4 + 2 * m_comment->frameWidth()
                              + static_cast<int>(m_comment->document()->documentMargin() * 2));
    label->setBuddy(m_comment);
    m_message = new SeverityLabel(box);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_approve = new QPushButton(tr("&Approve"), box);
    m_approve->setObjectName(QStringLiteral("reviewApproveButton"));
    m_requestChanges = new QPushButton(tr("Request &changes"), box);
    m_requestChanges->setObjectName(QStringLiteral("reviewRequestChangesButton"));
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(PostAction::Approve); });
    connect(m_requestChanges, &QPushButton::clicked, this, [this] { decide(PostAction::RequestChanges); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_requestChanges);
    buttons->addWidget(m_approve);
    layout->addWidget(label);
    layout->addWidget(m_comment);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    return box;
}

QWidget *ReviewPage::buildEmptyState() {
    auto *empty = new QLabel(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setTextFormat(Qt::RichText);
    empty->setText(tr("<p style='font-size:15pt'>Nothing to review</p>"
                      "<p>Posts people submit for review appear here.</p>"));
    empty->setAccessibleName(tr("Nothing to review"));
    empty->setForegroundRole(QPalette::PlaceholderText);
    return empty;
}

void ReviewPage::buildShortcuts() {
    const auto add = [this](const QKeySequence &keys, const QString &name, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setObjectName(name);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
        return shortcut;
    };
    add(approveKeys, QStringLiteral("approveShortcut"), [this] { decide(PostAction::Approve); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Enter), QStringLiteral("approveKeypadShortcut"),
        [this] { decide(PostAction::Approve); });
    add(requestChangesKeys, QStringLiteral("requestChangesShortcut"),
        [this] { decide(PostAction::RequestChanges); });
    // Single keys work while the focus is outside the comment (a text field takes its letters).
    add(QKeySequence(Qt::Key_A), QStringLiteral("approveKeyShortcut"),
        [this] { decide(PostAction::Approve); });
    add(QKeySequence(Qt::Key_R), QStringLiteral("commentKeyShortcut"), [this] { focusComment(); });
    add(QKeySequence(Qt::Key_J), QStringLiteral("nextShortcut"), [this] { move(+1); });
    add(QKeySequence(Qt::Key_K), QStringLiteral("previousShortcut"), [this] { move(-1); });
    m_list->setToolTip(tr("J or ↓: next post · K or ↑: previous post"));
}

int ReviewPage::count() const {
    return m_model->rowCount();
}

QString ReviewPage::currentPostId() const {
    return m_list->currentIndex().data(ReviewListModel::IdRole).toString();
}

void ReviewPage::selectPost(const QString &id) {
    selectRow(m_model->rowOf(id));
}

void ReviewPage::load() {
    m_loaded = false;
    loadPage(std::nullopt);
}

void ReviewPage::loadPage(const std::optional<PostCursor> &after) {
    PostFilter filter;
    filter.statuses = {PostStatus::InReview};
    m_backend.listPosts(
        filter, after, PageSize, this, [this, first = !after](std::expected<QList<PostRow>, Error> rows) {
            if (!rows) {
                m_loadMessage->showError(
                    tr("The posts waiting for review could not be loaded: %1").arg(rows.error().message));
                return;
            }
            m_loadMessage->clear();
            if (first) {
                m_model->setRows(*rows);
                selectRow(0);
            } else {
                m_model->appendRows(*rows);
            }
            if (rows->size() == PageSize) {
                const StoredPost &last = rows->constLast().post;
                loadPage(PostCursor{last.schedule.atUtc, last.id});
                return;
            }
            m_loaded = true;
            updateCount();
        });
}

void ReviewPage::selectRow(int row) {
    if (row < 0 || row >= count()) {
        m_list->setCurrentIndex(QModelIndex());
        currentChanged();
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index);
}

void ReviewPage::move(int delta) {
    if (count() == 0) {
        return;
    }
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -delta;
    selectRow(std::clamp(current + delta, 0, count() - 1));
}

void ReviewPage::currentChanged() {
    const QString id = currentPostId();
    if (id != m_details->postId()) {
        m_message->clear();
    }
    m_details->showPost(id);
    updateDecision();
}

QString ReviewPage::decisionToolTip(PostAction action) {
    return action == PostAction::Approve
               ? withShortcut(tr("Approve the post; the comment is optional"), approveKeys) + tr(", or A")
               : withShortcut(tr("Send the post back to its author with your comment"), requestChangesKeys)
                     + tr("; R writes the comment");
}

void ReviewPage::updateDecision() {
    const int row = m_list->currentIndex().row();
    const bool approval = m_backend.workspace().approvalRequired;
    for (const auto &[button, action] : {std::pair{m_approve, PostAction::Approve},
                                         std::pair{m_requestChanges, PostAction::RequestChanges}}) {
        const bool allowed = row >= 0 && m_model->rowAt(row).actions.contains(action);
        button->setEnabled(allowed && !m_busy);
        button->setToolTip(row >= 0 && !allowed
                               ? Lifecycle::whyNot(action, m_model->rowAt(row).post.status, approval)
                               : decisionToolTip(action));
    }
    m_comment->setEnabled(row >= 0);
}

void ReviewPage::updateCount() {
    m_stack->setCurrentIndex(count() == 0 && m_loaded ? 0 : 1);
    if (count() != m_lastCount && (m_loaded || count() > 0)) {
        m_lastCount = count();
        Q_EMIT countChanged(m_lastCount);
    }
}

void ReviewPage::focusComment() {
    if (m_comment->isEnabled()) {
        m_comment->setFocus(Qt::ShortcutFocusReason);
    }
}

void ReviewPage::decide(PostAction action) {
    const QString id = currentPostId();
    const int row = m_list->currentIndex().row();
    if (id.isEmpty() || m_busy || !m_model->rowAt(row).actions.contains(action)) {
        return;
    }
    QString caption = captionPreview(m_model->rowAt(row).post.content.text, 40);
    caption = caption.isEmpty() ? tr("the post") : u'“' + caption + u'”';
    const QString comment = m_comment->toPlainText().trimmed();
    m_busy = true;
    m_message->clear();
    updateDecision();
    m_backend.perform(id, action, comment, this,
                      [this, action, caption](std::expected<std::optional<PostRow>, Error> result) {
                          m_busy = false;
                          updateDecision();
                          if (!result) {
                              m_message->showError(result.error().message);
                              if (action == PostAction::RequestChanges) {
                                  focusComment();
                              }
                              return;
                          }
                          m_comment->clear();
                          m_message->showMessage(SeverityLabel::Kind::Information,
                                                 action == PostAction::Approve
                                                     ? tr("Approved %1.").arg(caption)
                                                     : tr("Sent %1 back for changes.").arg(caption));
                          m_list->setFocus(Qt::OtherFocusReason); // ready for the next: J, K, A, R
                      });
}

} // namespace cq::ui
