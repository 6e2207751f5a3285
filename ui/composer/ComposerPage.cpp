#include "composer/ComposerPage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include "composer/AccountPicker.h"
#include "composer/FindingsModel.h"
#include "composer/MediaItemDelegate.h"
#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "composer/PaletteTones.h"
#include "composer/WhenPicker.h"
#include "post/Lifecycle.h"
#include "post/PostValidator.h"
#include "post/TikTokRules.h"

namespace cq::ui {

namespace {
// A time passes while the user looks at it: check "scheduled in the past" again this often.
constexpr int RecheckIntervalMs = 30'000;

// "1 problem", "3 problems": English plurals without a translator loaded.
QString counted(qsizetype count, const QString &singular, const QString &plural) {
    return QString::number(count) + u' ' + (count == 1 ? singular : plural);
}

QLabel *formLabel(const QString &text, QWidget *buddy) {
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

// A message line across the top of the page: word-wrapped, selectable, framed.
QLabel *noticeLabel(const char *objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setFrameShape(QFrame::StyledPanel);
    const int margin = label->fontMetrics().height() / 3;
    label->setContentsMargins(margin, margin, margin, margin);
    label->hide();
    return label;
}

QString withShortcut(const QString &text, const QAction *action) {
    const QKeySequence key = action->shortcut();
    return key.isEmpty() ? text : text + u" (" + key.toString(QKeySequence::NativeText) + u')';
}

// Keeps a push button in step with the action it stands for (text, enabled, tooltip).
void bindButton(QPushButton *button, QAction *action) {
    const auto sync = [button, action] {
        button->setText(action->text());
        button->setEnabled(action->isEnabled());
        button->setToolTip(action->toolTip());
    };
    QObject::connect(action, &QAction::changed, button, sync);
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    sync();
}
} // namespace

ComposerPage::ComposerPage(Backend &backend, const MediaProber &prober, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_media(new MediaListModel(this))
    , m_findings(new FindingsModel(this))
    , m_queue(new MediaProbeQueue(prober, this))
    , m_clock(new QTimer(this)) {
    setObjectName(QStringLiteral("composerPage"));
    setWindowTitle(QStringLiteral("Compose"));
    setAcceptDrops(true);
    buildActions();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("composerSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildMediaPane());
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(buildSettingsPane());
    rightLayout->addWidget(buildFindingsPane(), 1);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    const int em = fontMetrics().averageCharWidth();
    splitter->setSizes({em * 70, em * 55});

    auto *layout = new QVBoxLayout(this);
    const int margin = fontMetrics().height() / 2;
    layout->setContentsMargins(margin, margin, margin, margin / 2);
    layout->addWidget(buildNotices());
    layout->addWidget(splitter, 1);
    layout->addWidget(buildActionBar());
    setTabOrders();

    connect(m_queue, &MediaProbeQueue::probed, m_media, &MediaListModel::setProbed);
    connect(m_queue, &MediaProbeQueue::thumbnailReady, m_media, &MediaListModel::setThumbnail);
    connect(m_media, &QAbstractItemModel::dataChanged, this, &ComposerPage::revalidate);
    connect(m_media, &QAbstractItemModel::rowsInserted, this, &ComposerPage::revalidate);
    connect(m_media, &QAbstractItemModel::rowsRemoved, this, &ComposerPage::revalidate);
    connect(m_media, &QAbstractItemModel::rowsMoved, this, &ComposerPage::revalidate);
    connect(m_caption, &QPlainTextEdit::textChanged, this, &ComposerPage::revalidate);
    connect(m_privacy, &QComboBox::currentIndexChanged, this, &ComposerPage::revalidate);
    for (QCheckBox *box : {m_allowComment, m_allowDuet, m_allowStitch}) {
        connect(box, &QCheckBox::toggled, this, &ComposerPage::revalidate);
    }
    connect(m_accounts, &AccountPicker::checkedChanged, this, &ComposerPage::revalidate);
    connect(m_when, &WhenPicker::changed, this, &ComposerPage::revalidate);
    connect(m_clock, &QTimer::timeout, this, &ComposerPage::revalidate);
    m_clock->start(RecheckIntervalMs);
    connectBackend();
    clear();
}

ComposerPage::~ComposerPage() = default;

QString ComposerPage::privacyLabel(const QString &level) {
    if (level == QLatin1StringView(privacy::PublicToEveryone)) {
        return QStringLiteral("Everyone");
    }
    if (level == QLatin1StringView(privacy::MutualFollowFriends)) {
        return QStringLiteral("Friends");
    }
    if (level == QLatin1StringView(privacy::FollowerOfCreator)) {
        return QStringLiteral("Followers");
    }
    if (level == QLatin1StringView(privacy::SelfOnly)) {
        return QStringLiteral("Only me");
    }
    return level; // a level TikTok added later: its API name is better than nothing
}

void ComposerPage::buildActions() {
    m_newPostAction = new QAction(QStringLiteral("&New post"), this);
    m_newPostAction->setObjectName(QStringLiteral("newPostAction"));
    m_newPostAction->setShortcut(QKeySequence::New);
    connect(m_newPostAction, &QAction::triggered, this, &ComposerPage::newPost);

    m_addMediaAction = new QAction(QStringLiteral("&Add media…"), this);
    m_addMediaAction->setObjectName(QStringLiteral("addMediaAction"));
    m_addMediaAction->setShortcut(QKeySequence::Open);
    connect(m_addMediaAction, &QAction::triggered, this, &ComposerPage::chooseFiles);

    m_saveAction = new QAction(QStringLiteral("&Save draft"), this);
    m_saveAction->setObjectName(QStringLiteral("saveDraftAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(false); });

    m_submitAction = new QAction(QStringLiteral("Sc&hedule"), this);
    m_submitAction->setObjectName(QStringLiteral("submitPostAction"));
    m_submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_submitAction, &QAction::triggered, this, [this] { save(true); });

    for (QAction *action : {m_newPostAction, m_addMediaAction, m_saveAction, m_submitAction}) {
        action->setToolTip(withShortcut(action->text().remove(u'&'), action));
        addAction(action); // the keys work wherever the page is, with or without the shell's menus
    }
}

QList<QAction *> ComposerPage::fileActions() const {
    return {m_newPostAction, m_addMediaAction};
}

QList<QAction *> ComposerPage::postActions() const {
    return {m_saveAction, m_submitAction};
}

QWidget *ComposerPage::buildNotices() {
    auto *notices = new QWidget(this);
    auto *layout = new QVBoxLayout(notices);
    layout->setContentsMargins(0, 0, 0, 0);
    m_editingNote = noticeLabel("editingNote", notices);
    m_reviewerComment = noticeLabel("reviewerComment", notices);
    m_reviewerComment->setAccessibleName(QStringLiteral("Reviewer's comment"));
    m_reviewerComment->setTextFormat(Qt::RichText); // escaped: the reviewer's words are shown as typed
    m_result = noticeLabel("resultMessage", notices);
    m_result->setAccessibleName(QStringLiteral("Result"));
    m_error = noticeLabel("errorMessage", notices);
    m_error->setAccessibleName(QStringLiteral("Error"));
    for (QLabel *label : {m_editingNote, m_reviewerComment, m_result, m_error}) {
        layout->addWidget(label);
    }
    return notices;
}

QWidget *ComposerPage::buildMediaPane() {
    auto *pane = new QGroupBox(QStringLiteral("Media"), this);
    auto *layout = new QVBoxLayout(pane);
    m_mediaStack = new QStackedWidget(pane);

    auto *hint =
        new QLabel(QStringLiteral("<p style='font-size:large'>Drop a video or up to 35 photos here</p>"
                                  "<p>or use Add media… (%1)</p>")
                       .arg(m_addMediaAction->shortcut().toString(QKeySequence::NativeText)),
                   pane);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); border: 2px dashed palette(mid); "
                                       "border-radius: 10px; margin: 4px; }"));
    m_mediaStack->addWidget(hint);

    m_mediaView = new QListView(pane);
    m_mediaView->setObjectName(QStringLiteral("mediaList"));
    m_mediaView->setAccessibleName(QStringLiteral("Media of the post"));
    m_mediaView->setModel(m_media);
    m_mediaView->setItemDelegate(new MediaItemDelegate(m_mediaView));
    m_mediaView->setIconSize(QSize(MediaProbeQueue::ThumbnailSidePx, MediaProbeQueue::ThumbnailSidePx));
    m_mediaView->setResizeMode(QListView::Adjust);
    m_mediaView->setWordWrap(true);
    m_mediaView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_mediaView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_mediaView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mediaView->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *earlier = new QAction(QStringLiteral("Move earlier"), m_mediaView);
    earlier->setObjectName(QStringLiteral("moveMediaEarlierAction"));
    earlier->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(earlier, &QAction::triggered, this, [this] { moveCurrentMedia(-1); });
    auto *later = new QAction(QStringLiteral("Move later"), m_mediaView);
    later->setObjectName(QStringLiteral("moveMediaLaterAction"));
    later->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(later, &QAction::triggered, this, [this] { moveCurrentMedia(+1); });
    auto *separator = new QAction(m_mediaView);
    separator->setSeparator(true);
    auto *remove = new QAction(QStringLiteral("Remove"), m_mediaView);
    remove->setObjectName(QStringLiteral("removeMediaAction"));
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(remove, &QAction::triggered, this, &ComposerPage::removeSelectedMedia);
    for (QAction *action : {earlier, later, separator, remove}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_mediaView->addAction(action);
    }
    m_mediaStack->addWidget(m_mediaView);
    layout->addWidget(m_mediaStack);
    return pane;
}

QWidget *ComposerPage::buildSettingsPane() {
    auto *post = new QGroupBox(QStringLiteral("TikTok post"), this);
    auto *form = new QFormLayout(post);
    form->setLabelAlignment(Qt::AlignRight);

    m_accounts = new AccountPicker(post);
    form->addRow(formLabel(QStringLiteral("P&ost to"), m_accounts), m_accounts);

    m_caption = new QPlainTextEdit(post);
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setPlaceholderText(QStringLiteral("Caption, #hashtags and @mentions"));
    m_caption->setAcceptDrops(false); // dropped files go to the post, not into the caption
    m_caption->setTabChangesFocus(true);
    m_caption->setFixedHeight(m_caption->fontMetrics().lineSpacing() * 4 + m_caption->fontMetrics().height());
    m_captionCounter = new QLabel(post);
    m_captionCounter->setObjectName(QStringLiteral("captionCounter"));
    m_captionCounter->setAlignment(Qt::AlignRight);
    m_captionCounter->setAccessibleName(QStringLiteral("Caption length"));
    auto *captionBox = new QVBoxLayout;
    captionBox->setSpacing(2);
    captionBox->addWidget(m_caption);
    captionBox->addWidget(m_captionCounter);
    form->addRow(formLabel(QStringLiteral("&Caption"), m_caption), captionBox);

    m_privacy = new QComboBox(post);
    m_privacy->setObjectName(QStringLiteral("privacyCombo"));
    // TikTok requires an explicit choice: the placeholder is not a level and cannot be chosen back.
    m_privacy->addItem(QStringLiteral("Choose who can see this post"), QString());
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model())) {
        items->item(0)->setEnabled(false);
    }
    for (const QString &level : privacy::allLevels()) {
        m_privacy->addItem(privacyLabel(level), level);
    }
    form->addRow(formLabel(QStringLiteral("&Who can see it"), m_privacy), m_privacy);

    form->addRow(QStringLiteral("Interactions"), buildInteractions(post));
    QWidget *when = buildWhenPane();
    form->addRow(formLabel(QStringLiteral("Wh&en"), when), when);
    return post;
}

QLayout *ComposerPage::buildInteractions(QWidget *parent) {
    // All off by default, as TikTok's guidelines require: the user turns them on.
    m_allowComment = new QCheckBox(QStringLiteral("Allow co&mments"), parent);
    m_allowComment->setObjectName(QStringLiteral("allowCommentCheck"));
    m_allowDuet = new QCheckBox(QStringLiteral("Allow &Duet"), parent);
    m_allowDuet->setObjectName(QStringLiteral("allowDuetCheck"));
    m_allowStitch = new QCheckBox(QStringLiteral("Allow S&titch"), parent);
    m_allowStitch->setObjectName(QStringLiteral("allowStitchCheck"));
    m_interactionsNote = new QLabel(QStringLiteral("Photo posts can only allow comments."), parent);
    m_interactionsNote->setObjectName(QStringLiteral("interactionsNote"));
    m_interactionsNote->setWordWrap(true);
    m_interactionsNote->setEnabled(false); // greyed, like the options it explains
    m_interactionsNote->hide();
    auto *interactions = new QVBoxLayout;
    interactions->setSpacing(4);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_allowComment, m_allowDuet, m_allowStitch, m_interactionsNote}) {
        interactions->addWidget(widget);
    }
    return interactions;
}

QWidget *ComposerPage::buildWhenPane() {
    m_when = new WhenPicker(m_caption->parentWidget());
    return m_when;
}

QWidget *ComposerPage::buildFindingsPane() {
    auto *checks = new QGroupBox(QStringLiteral("Checks"), this);
    auto *layout = new QVBoxLayout(checks);
    m_summary = new QLabel(checks);
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_findingsView = new QListView(checks);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->setAccessibleName(QStringLiteral("Problems and notes"));
    m_findingsView->setModel(m_findings);
    m_findingsView->setWordWrap(true);
    m_findingsView->setSpacing(3);
    m_findingsView->setResizeMode(QListView::Adjust);
    const int icon = fontMetrics().height();
    m_findingsView->setIconSize(QSize(icon, icon));
    m_findingsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->setMinimumHeight(fontMetrics().height() * 4);
    connect(m_findingsView, &QAbstractItemView::activated, this, &ComposerPage::showFinding);
    layout->addWidget(m_summary);
    layout->addWidget(m_findingsView, 1);
    layout->addStretch(); // takes the room while there is nothing to list
    return checks;
}

QWidget *ComposerPage::buildActionBar() {
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, fontMetrics().height() / 3, 0, 0);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(QStringLiteral("storeProgress"));
    m_progress->setAccessibleName(QStringLiteral("Copying progress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->hide();
    m_progressLabel = new QLabel(bar);
    m_progressLabel->setObjectName(QStringLiteral("storeProgressLabel"));
    m_progressLabel->hide();
    m_reason = new QLabel(bar);
    m_reason->setObjectName(QStringLiteral("actionReason"));
    m_reason->setAccessibleName(QStringLiteral("Why the post cannot be saved or sent yet"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_saveButton = new QPushButton(bar);
    m_saveButton->setObjectName(QStringLiteral("saveDraftButton"));
    bindButton(m_saveButton, m_saveAction);
    m_submitButton = new QPushButton(bar);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setDefault(true);
    bindButton(m_submitButton, m_submitAction);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_reason, 1);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_submitButton);
    return bar;
}

void ComposerPage::setTabOrders() {
    const QList<QWidget *> chain{m_mediaView,    m_accounts,  m_caption,     m_privacy,
                                 m_allowComment, m_allowDuet, m_allowStitch, m_when->firstInFocusChain()};
    for (qsizetype i = 1; i < chain.size(); ++i) {
        setTabOrder(chain.at(i - 1), chain.at(i));
    }
    setTabOrder(m_when->lastInFocusChain(), m_findingsView);
    setTabOrder(m_findingsView, m_saveButton);
    setTabOrder(m_saveButton, m_submitButton);
}

void ComposerPage::connectBackend() {
    connect(&m_backend, &Backend::accountsChanged, this, &ComposerPage::onAccountsChanged);
    connect(&m_backend, &Backend::workspaceChanged, this, &ComposerPage::onWorkspaceChanged);
    connect(&m_backend, &Backend::storeProgress, this, &ComposerPage::onStoreProgress);
    connect(&m_backend, &Backend::postChanged, this, &ComposerPage::onPostChanged);
    connect(&m_backend, &Backend::postRemoved, this, &ComposerPage::onPostRemoved);
    connect(&m_backend, &Backend::ready, this, &ComposerPage::updateActions);
    if (m_backend.isReady()) {
        m_accounts->setAccounts(m_backend.accounts());
    }
}

QStringList ComposerPage::localFiles(const QMimeData *mime) {
    QStringList files;
    if (!mime || !mime->hasUrls()) {
        return files;
    }
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile()) {
            files << url.toLocalFile();
        }
    }
    return files;
}

void ComposerPage::dragEnterEvent(QDragEnterEvent *event) {
    if (m_addMediaAction->isEnabled() && !localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void ComposerPage::dragMoveEvent(QDragMoveEvent *event) {
    if (m_addMediaAction->isEnabled() && !localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void ComposerPage::dropEvent(QDropEvent *event) {
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty() || !m_addMediaAction->isEnabled()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addFiles(files);
}

void ComposerPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    m_shown = true;
    updateActions();
}

void ComposerPage::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    if (!event->spontaneous()) { // a minimised window still shows this page
        m_shown = false;
        updateActions();
    }
}

void ComposerPage::addFiles(const QStringList &paths) {
    if (paths.isEmpty() || m_editing || m_busy) {
        return;
    }
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        m_queue->enqueue(m_media->addFile(absolute), absolute);
    }
    m_lastDirectory = QFileInfo(paths.constLast()).absolutePath();
}

void ComposerPage::chooseFiles() {
    Q_EMIT showRequested();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, QStringLiteral("Add media"), m_lastDirectory,
        QStringLiteral("Videos and photos (*.mp4 *.mov *.webm *.m4v *.jpg *.jpeg *.webp *.png *.heic);;"
                       "Videos (*.mp4 *.mov *.webm *.m4v);;Photos (*.jpg *.jpeg *.webp *.png *.heic);;"
                       "All files (*)"));
    addFiles(files);
}

void ComposerPage::newPost() {
    Q_EMIT showRequested();
    if (confirmDiscard()) {
        clear();
        m_result->hide();
        m_caption->setFocus();
    }
}

void ComposerPage::clear() {
    m_editing.reset();
    m_media->clear();
    const QSignalBlocker captionBlocker(m_caption);
    m_caption->clear();
    m_privacy->setCurrentIndex(0);
    for (QCheckBox *box : {m_allowComment, m_allowDuet, m_allowStitch}) {
        box->setChecked(false);
    }
    {
        const QSignalBlocker blocker(m_accounts);
        m_accounts->setLocked(false);
        m_accounts->checkDefault();
    }
    m_when->reset(m_backend.isReady() ? m_backend.workspace().defaultTimeZone
                                      : QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    lockMedia(false);
    m_editingNote->hide();
    m_reviewerComment->hide();
    m_error->hide();
    revalidate();
    markSaved();
}

void ComposerPage::removeSelectedMedia() {
    if (m_editing) {
        return; // a stored post keeps its media
    }
    QList<int> rows;
    for (const QModelIndex &index : m_mediaView->selectionModel()->selectedRows()) {
        rows << index.row();
    }
    if (rows.isEmpty() && m_mediaView->currentIndex().isValid()) {
        rows << m_mediaView->currentIndex().row();
    }
    m_media->removeRowsAt(rows);
}

void ComposerPage::moveCurrentMedia(int offset) {
    const int row = m_mediaView->currentIndex().row();
    const int target = row + offset;
    if (m_editing || row < 0 || target < 0 || target >= m_media->rowCount()) {
        return;
    }
    // moveRows() inserts before `destinationChild`, counted before the move.
    m_media->moveRows({}, row, 1, {}, offset > 0 ? target + 1 : target);
    m_mediaView->selectionModel()->select(m_media->index(target), QItemSelectionModel::ClearAndSelect);
}

void ComposerPage::lockMedia(bool locked) {
    m_addMediaAction->setEnabled(!locked && !m_busy);
    for (QAction *action : m_mediaView->actions()) {
        action->setEnabled(!locked);
    }
}

Post ComposerPage::post() const {
    // A stored post starts from what it holds, so fields the composer does not show survive the edit.
    Post post = m_editing ? m_editing->post.toPost() : Post();
    post.text = m_caption->toPlainText();
    if (!m_editing) {
        post.media = m_media->declaredMedia();
        post.accounts = m_accounts->checkedIds();
    }
    post.tiktok.privacyLevel = m_privacy->currentData().toString();
    post.tiktok.disableComment = !m_allowComment->isChecked();
    post.tiktok.disableDuet = !m_allowDuet->isChecked();
    post.tiktok.disableStitch = !m_allowStitch->isChecked();
    post.scheduledFor = m_when->scheduledFor();
    return post;
}

std::optional<QString> ComposerPage::editedPostId() const {
    return m_editing ? std::optional(m_editing->post.id) : std::nullopt;
}

ComposerPage::Snapshot ComposerPage::snapshot() const {
    Snapshot now;
    now.caption = m_caption->toPlainText();
    now.privacy = m_privacy->currentData().toString();
    now.allowComment = m_allowComment->isChecked();
    now.allowDuet = m_allowDuet->isChecked();
    now.allowStitch = m_allowStitch->isChecked();
    for (int row = 0; row < m_media->rowCount(); ++row) {
        now.media << m_media->index(row).data(MediaListModel::PathRole).toString();
    }
    now.accounts = m_accounts->checkedIds();
    now.when = m_when->scheduledFor();
    return now;
}

void ComposerPage::markSaved() {
    m_saved = snapshot();
}

bool ComposerPage::hasUnsavedChanges() const {
    return snapshot() != m_saved;
}

void ComposerPage::revalidate() {
    const QList<MediaCheck> checks = m_media->checks();
    const Post current = post();
    const bool photoPost = isPhotoPost(current, checks); // as the validator decides it
    // The findings, the privacy levels and the interactions follow the first chosen account.
    const AccountSummary *primary = m_accounts->primary();
    applyCreator(primary ? primary->creator : std::nullopt);
    updateInteractions(photoPost);
    // TikTok counts UTF-16 code units, as QString does: an emoji outside the BMP counts 2.
    updateCaptionCounter(current.text.size(), captionLimitUtf16(photoPost));
    m_findings->setFindings(m_backend.validate(post(), checks, primary ? primary->id : QString(), true));
    m_mediaStack->setCurrentIndex(m_media->rowCount() == 0 ? 0 : 1);
    m_findingsView->setVisible(m_findings->rowCount() > 0);
    updateSummary();
    updateActions();
    if (hasUnsavedChanges()) {
        m_result->hide(); // the last result is about a post that is gone from the composer
    }
}

void ComposerPage::applyCreator(const std::optional<CreatorInfo> &creator) {
    m_creator = creator;
    // Only the levels this creator offers can be chosen (TikTok's UX guidelines).
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model())) {
        for (int row = 1; row < items->rowCount(); ++row) {
            const QString level = m_privacy->itemData(row).toString();
            const bool offered = !creator || creator->privacyLevelOptions.contains(level);
            if (items->item(row)->isEnabled() != offered) {
                items->item(row)->setEnabled(offered);
            }
        }
    }
}

void ComposerPage::updateInteractions(bool photoPost) {
    // Photo posts have only Comment; and what the creator turned off in TikTok stays off.
    const bool commentOff = m_creator && m_creator->commentDisabled;
    const bool duetOff = photoPost || (m_creator && m_creator->duetDisabled);
    const bool stitchOff = photoPost || (m_creator && m_creator->stitchDisabled);
    for (const auto &[box, off] : {std::pair{m_allowComment, commentOff}, std::pair{m_allowDuet, duetOff},
                                   std::pair{m_allowStitch, stitchOff}}) {
        if (off && box->isChecked()) {
            const QSignalBlocker blocker(box);
            box->setChecked(false);
        }
        box->setEnabled(!off);
    }
    QStringList notes;
    if (photoPost) {
        notes << QStringLiteral("Photo posts can only allow comments.");
    }
    if (m_creator && (m_creator->commentDisabled || m_creator->duetDisabled || m_creator->stitchDisabled)) {
        notes << QStringLiteral("Options this account turned off in TikTok cannot be allowed.");
    }
    m_interactionsNote->setText(notes.join(u'\n'));
    m_interactionsNote->setVisible(!notes.isEmpty());
}

void ComposerPage::updateCaptionCounter(qsizetype units, int limit) {
    m_captionCounter->setText(QStringLiteral("%1 / %2").arg(units).arg(limit));
    const bool over = units > limit;
    setTextTone(m_captionCounter, over ? errorTone(palette()) : QColor());
    QFont font = m_captionCounter->font();
    font.setBold(over);
    m_captionCounter->setFont(font);
}

void ComposerPage::updateSummary() {
    const int errors = m_findings->errorCount();
    const int warnings = m_findings->warningCount();
    if (m_media->isProbing()) {
        m_summary->setText(QStringLiteral("Reading media…"));
        setTextTone(m_summary, QColor());
        return;
    }
    if (errors > 0) {
        m_summary->setText(counted(errors, QStringLiteral("problem"), QStringLiteral("problems"))
                           + u" to fix");
        setTextTone(m_summary, errorTone(palette()));
        return;
    }
    QString ready = QStringLiteral("✔ Ready to schedule");
    if (m_backend.workspace().approvalRequired) {
        ready = QStringLiteral("✔ Ready to submit for review");
    } else if (m_when->isAsap()) {
        ready = QStringLiteral("✔ Ready to post");
    }
    if (warnings > 0) {
        ready += u" · " + counted(warnings, QStringLiteral("note"), QStringLiteral("notes")) + u" below";
    }
    m_summary->setText(ready);
    setTextTone(m_summary, okTone(palette()));
}

QString ComposerPage::saveBlocker() const {
    if (m_media->rowCount() == 0) {
        return QStringLiteral("Add a video or photos first: drop them here or press %1.")
            .arg(m_addMediaAction->shortcut().toString(QKeySequence::NativeText));
    }
    if (m_media->isProbing()) {
        return QStringLiteral("Reading media…");
    }
    for (int row = 0; row < m_media->rowCount(); ++row) {
        const QModelIndex index = m_media->index(row);
        if (index.data(MediaListModel::StateRole).value<MediaListModel::State>()
            == MediaListModel::State::Unreadable) {
            return QStringLiteral("Remove %1 first: it cannot be read.")
                .arg(index.data(MediaListModel::FilenameRole).toString());
        }
    }
    return {};
}

ComposerPage::Allowed ComposerPage::allowed() const {
    Allowed can;
    const bool approval = m_backend.workspace().approvalRequired;
    if (m_busy) {
        can.saveWhy = QStringLiteral("Saving…");
    } else if (!m_backend.isReady()) {
        can.saveWhy = QStringLiteral("Opening ClipQueue's database…");
    } else if (m_editing) {
        // What the stored post allows now, as the lifecycle said when the row was read.
        if (!m_editing->actions.contains(PostAction::Edit)) {
            can.saveWhy = Lifecycle::whyNot(PostAction::Edit, m_editing->post.status, approval);
        }
    } else {
        can.saveWhy = saveBlocker();
    }
    can.save = can.saveWhy.isEmpty();
    if (!can.save) {
        can.submitWhy = can.saveWhy;
    } else if (!m_editing && !Lifecycle::allows(PostAction::Submit, PostStatus::Draft, approval)) {
        can.submitWhy = Lifecycle::whyNot(PostAction::Submit, PostStatus::Draft, approval);
    } else {
        for (const Finding &finding : m_findings->findings()) {
            if (finding.isError()) {
                can.submitWhy = finding.message;
                break;
            }
        }
    }
    can.submit = can.submitWhy.isEmpty();
    return can;
}

void ComposerPage::updateActions() {
    const Allowed can = allowed();
    const bool approval = m_backend.workspace().approvalRequired;
    QString submit = approval           ? QStringLiteral("submit for review")
                     : m_when->isAsap() ? QStringLiteral("post now")
                                        : QStringLiteral("schedule");
    QString save = QStringLiteral("Save draft");
    if (m_editing) {
        save = QStringLiteral("Save changes");
        submit = u"Save and " + submit;
    } else {
        submit[0] = submit.at(0).toUpper();
    }
    m_saveAction->setText(u'&' + save);
    m_submitAction->setText(submit);
    m_saveAction->setToolTip(withShortcut(save, m_saveAction) + (can.save ? QString() : u"\n" + can.saveWhy));
    m_submitAction->setToolTip(withShortcut(submit, m_submitAction)
                               + (can.submit ? QString() : u"\n" + can.submitWhy));
    m_saveAction->setEnabled(can.save && m_shown);
    m_submitAction->setEnabled(can.submit && m_shown);
    m_newPostAction->setEnabled(!m_busy);
    m_addMediaAction->setEnabled(!m_busy && !m_editing);
    m_reason->setText(!can.save ? can.saveWhy : can.submitWhy);
}

void ComposerPage::showFinding(const QModelIndex &index) {
    const int media = index.data(FindingsModel::MediaIndexRole).toInt();
    const QString field = index.data(FindingsModel::FieldRole).toString();
    if (media >= 0 && media < m_media->rowCount()) {
        const QModelIndex row = m_media->index(media);
        m_mediaView->setCurrentIndex(row);
        m_mediaView->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect);
        m_mediaView->scrollTo(row);
        m_mediaView->setFocus();
    } else if (field == u"/content/text") {
        m_caption->setFocus();
    } else if (field.endsWith(u"/privacyLevel")) {
        m_privacy->setFocus();
    } else if (field.endsWith(u"/disableComment")) {
        m_allowComment->setFocus();
    } else if (field.endsWith(u"/disableDuet")) {
        m_allowDuet->setFocus();
    } else if (field.endsWith(u"/disableStitch")) {
        m_allowStitch->setFocus();
    } else if (field == u"/scheduledFor") {
        m_when->setFocus();
    } else if (field == u"/accounts") {
        m_accounts->setFocus();
    }
}

void ComposerPage::onAccountsChanged() {
    const bool pristine = !hasUnsavedChanges();
    {
        const QSignalBlocker blocker(m_accounts);
        m_accounts->setAccounts(m_backend.accounts());
    }
    if (m_editing) {
        m_accounts->setCheckedIds({m_editing->post.accountId()});
    }
    revalidate();
    if (pristine) {
        markSaved(); // the default account checked by itself is no change of the user's
    }
}

void ComposerPage::onWorkspaceChanged() {
    // The workspace's zone is where a new time is read, unless the user picked a time already.
    if (!m_editing && m_when->isAsap()) {
        const bool pristine = !hasUnsavedChanges();
        m_when->reset(m_backend.workspace().defaultTimeZone);
        if (pristine) {
            markSaved();
        }
    }
    revalidate();
}

void ComposerPage::onPostChanged(const PostRow &row) {
    if (!m_editing || row.post.id != m_editing->post.id || m_busy) {
        return;
    }
    // Someone moved the post on (approved it, say): what may be done with it follows; the user's
    // edits stay.
    m_editing->post.status = row.post.status;
    m_editing->post.revision = row.post.revision;
    m_editing->actions = row.actions;
    updateActions();
}

void ComposerPage::onPostRemoved(const QString &id) {
    if (!m_editing || m_editing->post.id != id) {
        return;
    }
    const QString caption = m_caption->toPlainText();
    clear();
    m_caption->setPlainText(caption);
    showError(QStringLiteral("The post you were editing was deleted elsewhere (another window or "
                             "clipqueue-cli). Its caption is still here: add the media again to save it "
                             "as a new post."));
}

QString ComposerPage::storePathOf(const QString &sha256) const {
    // As MediaStore::pathFor() lays the store out.
    return QDir(m_backend.workspace().mediaStoreRoot).filePath(u"objects/" + sha256.left(2) + u'/' + sha256);
}

QString ComposerPage::accountName(const QString &id) const {
    for (const AccountSummary &account : m_backend.accounts()) {
        if (account.id == id || (id.isEmpty() && account.isDefault)) {
            return account.displayName.isEmpty() ? account.label() : account.displayName;
        }
    }
    return id.isEmpty() ? QStringLiteral("the default account") : id;
}

} // namespace cq::ui
