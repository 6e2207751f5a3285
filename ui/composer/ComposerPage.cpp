#include "composer/ComposerPage.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include "common/InlineMessage.h"
#include "common/StatusText.h"
#include "composer/AccountPicker.h"
#include "composer/CreatorHeader.h"
#include "composer/FindingFixDelegate.h"
#include "composer/FindingsModel.h"
#include "composer/MediaFixer.h"
#include "composer/MediaListModel.h"
#include "composer/MediaPane.h"
#include "composer/PaletteTones.h"
#include "composer/PostSettingsForm.h"
#include "composer/TrimStep.h"
#include "composer/VideoPreview.h"
#include "composer/WhenPicker.h"
#include "post/Lifecycle.h"
#include "post/PostValidator.h"

namespace cq::ui {

namespace {
// A time passes while the user looks at it: check "scheduled in the past" again this often.
constexpr int RecheckIntervalMs = 30'000;
// How soon the same account's creator info is asked for again.
constexpr qint64 CreatorRefreshIntervalMs = 10'000;

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
    , m_findings(new FindingsModel(this))
    , m_clock(new QTimer(this))
    , m_revalidation(new QTimer(this)) {
    setObjectName(QStringLiteral("composerPage"));
    setWindowTitle(tr("Compose"));
    setAcceptDrops(true);
    buildActions();

    m_content = new QSplitter(Qt::Horizontal, this);
    m_content->setObjectName(QStringLiteral("composerSplitter"));
    m_content->setChildrenCollapsible(false);
    m_media = new MediaPane(prober, m_addMediaAction->shortcut(), m_content);
    m_content->addWidget(m_media);
    auto *right = new QWidget(m_content);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    // The settings are long (TikTok asks for many of them): they scroll, the checks stay in view.
    auto *settingsScroll = new QScrollArea(right);
    settingsScroll->setObjectName(QStringLiteral("postSettingsScroll"));
    settingsScroll->setAccessibleName(tr("TikTok post settings"));
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *settingsPage = new QWidget(settingsScroll);
    auto *settingsLayout = new QVBoxLayout(settingsPage);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    m_settings = new PostSettingsForm(settingsPage);
    settingsLayout->addWidget(m_settings);
    settingsLayout->addStretch(1); // the form keeps its height when there is room to spare
    settingsScroll->setWidget(settingsPage);
    // Never narrower than the form: it scrolls up and down, never sideways.
    settingsScroll->setMinimumWidth(m_settings->minimumSizeHint().width()
                                    + settingsScroll->verticalScrollBar()->sizeHint().width());
    rightLayout->addWidget(settingsScroll, 3);
    rightLayout->addWidget(buildFindingsPane(), 1);
    m_content->addWidget(right);
    m_content->setStretchFactor(0, 3);
    m_content->setStretchFactor(1, 2);
    const int em = fontMetrics().averageCharWidth();
    m_content->setSizes({em * 70, em * 55});

    auto *layout = new QVBoxLayout(this);
    const int margin = fontMetrics().height() / 2;
    layout->setContentsMargins(margin, margin, margin, margin / 2);
    layout->addWidget(buildNotices());
    layout->addWidget(m_content, 1);
    layout->addWidget(buildActionBar());
    setTabOrder(m_media->view(), m_settings->firstInFocusChain());
    setTabOrder(m_settings->lastInFocusChain(), m_stripLocation);
    setTabOrder(m_stripLocation, m_fixAll);
    setTabOrder(m_fixAll, m_findingsView);
    setTabOrder(m_findingsView, m_saveButton);
    setTabOrder(m_saveButton, m_submitButton);

    const MediaListModel *media = m_media->model();
    m_revalidation->setSingleShot(true);
    m_revalidation->setInterval(0);
    connect(m_revalidation, &QTimer::timeout, this, [this] {
        if (m_revalidationPending) {
            revalidate();
        }
    });
    connect(media, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                // The findings shown on the rows and the cover mark come from a revalidation (the
                // cover's change is announced by the pane): nothing new to check.
                const bool shownOnly =
                    !roles.isEmpty() && std::all_of(roles.cbegin(), roles.cend(), [](int role) {
                        return role == MediaListModel::NotesRole || role == MediaListModel::IsCoverRole
                               || role == MediaListModel::FixRole
                               || role == MediaListModel::ConformProgressRole || role == Qt::DisplayRole;
                    });
                if (!shownOnly) {
                    revalidateSoon();
                }
            });
    connect(media, &QAbstractItemModel::rowsInserted, this, &ComposerPage::revalidateSoon);
    connect(media, &QAbstractItemModel::rowsRemoved, this, &ComposerPage::revalidate);
    connect(media, &QAbstractItemModel::rowsMoved, this, &ComposerPage::revalidate);
    connect(m_settings, &PostSettingsForm::changed, this, &ComposerPage::revalidate);
    connect(m_media, &MediaPane::coverChanged, this, &ComposerPage::revalidate);
    connect(m_settings->when(), &WhenPicker::queueSlotWanted, this, &ComposerPage::requestQueueSlot);
    connect(m_settings->accounts(), &AccountPicker::checkedChanged, this, [this] {
        if (m_settings->when()->isAddToQueue()) {
            requestQueueSlot();
        }
    });
    connect(m_clock, &QTimer::timeout, this, &ComposerPage::revalidate);
    m_clock->start(RecheckIntervalMs);
    connectBackend();
    connectFixes();
    clear();
}

ComposerPage::~ComposerPage() = default;

void ComposerPage::buildActions() {
    m_newPostAction = new QAction(tr("&New post"), this);
    m_newPostAction->setObjectName(QStringLiteral("newPostAction"));
    m_newPostAction->setShortcut(QKeySequence::New);
    connect(m_newPostAction, &QAction::triggered, this, &ComposerPage::newPost);

    m_addMediaAction = new QAction(tr("&Add media…"), this);
    m_addMediaAction->setObjectName(QStringLiteral("addMediaAction"));
    m_addMediaAction->setShortcut(QKeySequence::Open);
    connect(m_addMediaAction, &QAction::triggered, this, &ComposerPage::chooseFiles);

    m_saveAction = new QAction(tr("&Save draft"), this);
    m_saveAction->setObjectName(QStringLiteral("saveDraftAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(false); });

    m_submitAction = new QAction(tr("Sc&hedule"), this);
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
    m_reviewerComment->setAccessibleName(tr("Reviewer's comment"));
    m_reviewerComment->setTextFormat(Qt::RichText); // escaped: the reviewer's words are shown as typed
    m_result = noticeLabel("resultMessage", notices);
    m_result->setAccessibleName(tr("Result"));
    m_error = noticeLabel("errorMessage", notices);
    m_error->setAccessibleName(tr("Error"));
    for (QLabel *label : {m_editingNote, m_reviewerComment, m_result, m_error}) {
        layout->addWidget(label);
    }
    m_auditHint = new InlineMessage(notices);
    m_auditHint->setObjectName(QStringLiteral("auditHint"));
    m_auditHint->hide();
    connect(m_auditHint, &InlineMessage::actionTriggered, this, [this] {
        m_settings->setSendsToInbox(true);
        revalidate();
    });
    connect(m_auditHint, &InlineMessage::dismissed, this, [this] { m_auditHintDismissed = true; });
    layout->addWidget(m_auditHint);
    m_splitOffer = new InlineMessage(notices);
    m_splitOffer->setObjectName(QStringLiteral("onePostPerVideoOffer"));
    connect(m_splitOffer, &InlineMessage::actionTriggered, this,
            [this] { setOnePostPerVideo(!m_onePostPerVideo); });
    layout->addWidget(m_splitOffer);
    return notices;
}

QWidget *ComposerPage::buildFindingsPane() {
    auto *checks = new QGroupBox(tr("Checks"), this);
    auto *layout = new QVBoxLayout(checks);
    m_summary = new QLabel(checks);
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_findingsView = new QListView(checks);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->setAccessibleName(tr("Problems and notes"));
    m_findingsView->setModel(m_findings);
    m_findingsView->setItemDelegate(new FindingFixDelegate(m_findingsView));
    m_findingsView->setWordWrap(true);
    m_findingsView->setSpacing(3);
    m_findingsView->setResizeMode(QListView::Adjust);
    const int icon = fontMetrics().height();
    m_findingsView->setIconSize(QSize(icon, icon));
    m_findingsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->setMinimumHeight(fontMetrics().height() * 4);
    // One click (or Return) on a finding takes the user to what it is about.
    connect(m_findingsView, &QAbstractItemView::activated, this, &ComposerPage::showFinding);
    connect(m_findingsView, &QAbstractItemView::clicked, this, &ComposerPage::showFinding);
    layout->addWidget(m_summary);
    layout->addWidget(buildFixBar(checks));
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
    m_progress->setAccessibleName(tr("Copying progress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->hide();
    m_progressLabel = new QLabel(bar);
    m_progressLabel->setObjectName(QStringLiteral("storeProgressLabel"));
    m_progressLabel->hide();
    m_reason = new QLabel(bar);
    m_reason->setObjectName(QStringLiteral("actionReason"));
    m_reason->setAccessibleName(tr("Why the post cannot be saved or sent yet"));
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
    m_consent = buildConsent(bar);
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_reason);
    text->addWidget(m_consent);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressLabel);
    layout->addLayout(text, 1);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_submitButton);
    return bar;
}

QLabel *ComposerPage::buildConsent(QWidget *parent) {
    auto *consent = new QLabel(parent);
    consent->setObjectName(QStringLiteral("consentLine"));
    consent->setAccessibleName(tr("What you agree to by posting"));
    consent->setTextFormat(Qt::RichText);
    consent->setWordWrap(true);
    consent->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    consent->setOpenExternalLinks(true);
    consent->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return consent;
}

void ComposerPage::updateConsent() {
    // TikTok's content sharing guidelines: the consent sits by the post button, with the Branded
    // Content Policy named as soon as branded content is disclosed.
    const QString music =
        QStringLiteral(
            "<a href=\"https://www.tiktok.com/legal/page/global/music-usage-confirmation/en\">%1</a>")
            .arg(tr("Music Usage Confirmation"));
    const QString branded =
        QStringLiteral("<a href=\"https://www.tiktok.com/legal/page/global/bc-policy/en\">%1</a>")
            .arg(tr("Branded Content Policy"));
    const bool inbox = m_settings->sendsToInbox();
    m_consent->setVisible(!inbox); // in inbox mode the creator posts, and agrees, in TikTok's app
    const QString agreed = m_settings->brandedContent() ? tr("%1 and %2").arg(branded, music) : music;
    m_consent->setText(tr("By posting, you agree to TikTok's %1").arg(agreed));
}

void ComposerPage::updateAuditHint() {
    const bool show = m_backend.isReady() && !m_backend.workspace().tiktokAppAudited
                      && !m_settings->sendsToInbox() && !m_auditHintDismissed;
    if (show && !m_auditHint->isVisible()) {
        m_auditHint->showMessage(
            tr("Your TikTok app is not audited yet, so TikTok publishes its direct posts only "
               "as “Only me”, and only to private accounts. Sent to the TikTok app instead, the "
               "creator picks the audience there (at most 5 waiting posts per 24 hours)."),
            InlineMessage::Kind::Information, tr("Send to the TikTok app instead"));
    } else if (!show) {
        m_auditHint->hide();
    }
}

void ComposerPage::connectBackend() {
    connect(m_settings->accounts(), &AccountPicker::connectRequested, this, &ComposerPage::accountsRequested);
    connect(&m_backend, &Backend::accountsChanged, this, &ComposerPage::onAccountsChanged);
    connect(&m_backend, &Backend::accountSetsChanged, this,
            [this] { m_settings->accounts()->setAccountSets(m_backend.accountSets()); });
    connect(&m_backend, &Backend::workspaceChanged, this, &ComposerPage::onWorkspaceChanged);
    connect(&m_backend, &Backend::storeProgress, this, &ComposerPage::onStoreProgress);
    connect(&m_backend, &Backend::postChanged, this, &ComposerPage::onPostChanged);
    connect(&m_backend, &Backend::postRemoved, this, &ComposerPage::onPostRemoved);
    connect(&m_backend, &Backend::ready, this, &ComposerPage::updateActions);
    if (m_backend.isReady()) {
        m_settings->accounts()->setAccounts(m_backend.accounts());
        m_settings->accounts()->setAccountSets(m_backend.accountSets());
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

MediaListModel *ComposerPage::mediaModel() const {
    return m_media->model();
}

MediaProbeQueue *ComposerPage::probeQueue() const {
    return m_media->queue();
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
    revalidate(); // asks TikTok for the creator info first thing
}

void ComposerPage::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    if (!event->spontaneous()) { // a minimised window still shows this page
        m_shown = false;
        updateActions();
    }
}

void ComposerPage::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    // Rich text takes its link colour when it is parsed: parse the consent line again.
    if (event->type() == QEvent::PaletteChange && m_consent) {
        m_consent->clear();
        updateConsent();
    }
}

void ComposerPage::addFiles(const QStringList &paths) {
    if (!m_editing && !m_busy) {
        m_media->addFiles(paths);
        // Save is off the moment files arrive ("Reading media…"), even while the revalidation of a
        // burst of other changes is still pending; the cheap part only, probes are running.
        updateActions();
    }
}

void ComposerPage::chooseFiles() {
    Q_EMIT showRequested();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add media"), m_media->lastDirectory(),
        tr("Videos and photos (*.mp4 *.mov *.webm *.m4v *.jpg *.jpeg *.webp *.png *.heic);;"
           "Videos (*.mp4 *.mov *.webm *.m4v);;Photos (*.jpg *.jpeg *.webp *.png *.heic);;"
           "All files (*)"));
    addFiles(files);
}

void ComposerPage::newPost() {
    Q_EMIT showRequested();
    if (confirmDiscard()) {
        clear();
        m_result->hide();
        m_settings->focusField(QStringLiteral("/content/text"));
    }
}

void ComposerPage::clear() {
    if (m_fixer) {
        m_fixer->cancelAll(); // what they would convert is gone
    }
    m_media->trimStep()->hide();
    m_editing.reset();
    m_onePostPerVideo = false;
    m_media->clear();
    m_media->setLocked(false);
    {
        const QSignalBlocker blocker(m_settings);
        m_settings->clear();
        m_settings->accounts()->setSingleChoice(false);
        m_settings->accounts()->checkDefault();
        m_settings->when()->reset(m_backend.isReady() ? m_backend.workspace().defaultTimeZone
                                                      : QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    }
    m_editingNote->hide();
    m_reviewerComment->hide();
    m_error->hide();
    revalidate();
    markSaved();
}

void ComposerPage::composeAt(const QDateTime &atUtc, const QString &zone) {
    clear();
    m_settings->when()->setSchedule(atUtc, zone);
    markSaved(); // a time alone is nothing to save yet
}

Post ComposerPage::post() const {
    // A stored post starts from what it holds, so fields the composer does not show survive the edit.
    Post post = m_editing ? m_editing->post.toPost() : Post();
    m_settings->applyTo(post);
    if (!m_editing) {
        post.media = m_media->model()->declaredMedia();
    }
    post.tiktok.photoCoverIndex = m_media->model()->coverRow();
    post.tiktok.videoCoverTimestampMs = m_media->videoCoverMs();
    post.accounts = m_settings->accounts()->checkedIds();
    post.scheduledFor = m_settings->when()->scheduledFor();
    return post;
}

std::optional<QString> ComposerPage::editedPostId() const {
    return m_editing ? std::optional(m_editing->post.id) : std::nullopt;
}

ComposerPage::Snapshot ComposerPage::snapshot() const {
    const Post composed = post();
    Snapshot now;
    now.caption = composed.text;
    now.settings = composed.tiktok;
    const MediaListModel *media = m_media->model();
    for (int row = 0; row < media->rowCount(); ++row) {
        now.media << media->index(row).data(MediaListModel::PathRole).toString();
    }
    now.accounts = m_settings->accounts()->checkedIds();
    now.when = m_settings->when()->scheduledFor();
    return now;
}

void ComposerPage::markSaved() {
    m_saved = snapshot();
}

bool ComposerPage::hasUnsavedChanges() const {
    return snapshot() != m_saved;
}

// Probes, thumbnails and added files come in bursts (200 files dropped at once: 600 changes, often
// delivered in one batch of queued events), and each revalidation reads every item. The first change
// of a burst is checked at once (Save is off the moment a file is added); the rest are checked in one
// pass once the event loop is through the burst.
void ComposerPage::revalidateSoon() {
    if (m_revalidation->isActive()) {
        m_revalidationPending = true;
        return;
    }
    revalidate();
    m_revalidation->start();
}

void ComposerPage::revalidate() {
    const QList<MediaCheck> checks = m_media->model()->checks();
    const Post current = post();
    // The findings, the privacy levels and the interactions follow the first chosen account, and
    // whether this is a photo post as the validator decides it.
    followCreator(current, checks);
    m_revalidationPending = false; // whatever was pending is checked now
    const AccountSummary *primary = m_settings->accounts()->primary();
    // What the form just turned off (an interaction the creator disabled) is part of the post.
    const Post followed = post();
    m_findings->setFindings(validateAll(checks));
    m_media->model()->setFindings(m_findings->findings());
    m_findingsView->setVisible(m_findings->rowCount() > 0);
    updateFixes();
    QString cannotPost;
    for (const Finding &finding : m_findings->findings()) {
        if (finding.code == FindingCode::CreatorCannotPost) {
            cannotPost = finding.message;
        }
    }
    askCreator();
    m_settings->creatorHeader()->setAccount(primary, cannotPost, primary && m_creatorAsking == primary->id);
    updateSplitOffer();
    m_media->setVideoCoverApplies(!m_settings->sendsToInbox());
    updateConsent();
    updateAuditHint();
    updateSummary();
    updateActions();
    if (hasUnsavedChanges()) {
        m_result->hide(); // the last result is about a post that is gone from the composer
    }
}

QList<int> ComposerPage::videoRows() const {
    const Post current = post();
    const QList<MediaCheck> checks = m_media->model()->checks();
    QList<int> rows;
    for (qsizetype i = 0; i < current.media.size(); ++i) {
        if (effectiveMedia(current, checks, i).isVideo()) {
            rows << int(i);
        }
    }
    return rows;
}

QList<Post> ComposerPage::postsToStore() const {
    const Post whole = post();
    const QList<int> videos = videoRows();
    if (!m_onePostPerVideo || m_editing || videos.size() < 2 || videos.size() != whole.media.size()) {
        return {whole};
    }
    QList<Post> posts;
    for (const int row : videos) {
        Post single = whole;
        single.media = {whole.media.at(row)};
        single.tiktok.videoCoverTimestampMs.reset(); // a frame of one video is no cover for another
        posts << single;
    }
    return posts;
}

// The findings of what saving stores: with one post per video, each video's post is checked and
// its media findings point at that video's row; a finding every post shares is listed once.
QList<Finding> ComposerPage::validateAll(const QList<MediaCheck> &checks) const {
    const AccountSummary *primary = m_settings->accounts()->primary();
    const QString account = primary ? primary->id : QString();
    const QList<Post> posts = postsToStore();
    if (posts.size() == 1) {
        return m_backend.validate(posts.first(), checks, account, true);
    }
    const QList<int> videos = videoRows();
    const QString first = QStringLiteral("/content/media/0");
    QList<Finding> all;
    for (qsizetype i = 0; i < posts.size(); ++i) {
        const int row = videos.at(i);
        for (Finding finding : m_backend.validate(posts.at(i), {checks.value(row)}, account, true)) {
            if (finding.field == first || finding.field.startsWith(first + u'/')) {
                finding.field = u"/content/media/" + QString::number(row) + finding.field.mid(first.size());
            }
            const bool listed = std::any_of(all.cbegin(), all.cend(), [&](const Finding &f) {
                return f.code == finding.code && f.field == finding.field && f.message == finding.message;
            });
            if (!listed) {
                all << finding;
            }
        }
    }
    return all;
}

void ComposerPage::updateSplitOffer() {
    const qsizetype videos = m_editing ? 0 : videoRows().size();
    const bool onlyVideos = videos == m_media->model()->rowCount();
    if (videos < 2 || !onlyVideos) {
        m_splitOffer->hide();
        return;
    }
    const QString text =
        m_onePostPerVideo
            ? tr("One post per video: saving stores %n post(s), each with the caption and settings below.",
                 nullptr, int(videos))
            : tr("These %n video(s) cannot go in one TikTok post. Make one post per video, each with the "
                 "same caption and settings?",
                 nullptr, int(videos));
    if (m_splitOffer->isHidden() || m_splitOffer->text() != text) {
        m_splitOffer->showMessage(text, InlineMessage::Kind::Information,
                                  m_onePostPerVideo ? tr("Make it one post") : tr("One post per video"));
    }
}

void ComposerPage::setOnePostPerVideo(bool split) {
    m_onePostPerVideo = split;
    revalidate();
}

void ComposerPage::askCreator() {
    const AccountSummary *primary = m_settings->accounts()->primary();
    if (!m_shown || !m_backend.isReady() || !primary || !m_creatorAsking.isEmpty()) {
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto asked = m_creatorAskedMs.constFind(primary->id);
    if (asked != m_creatorAskedMs.cend() && nowMs - *asked < CreatorRefreshIntervalMs) {
        return;
    }
    m_creatorAskedMs.insert(primary->id, nowMs);
    m_creatorAsking = primary->id;
    // Without TikTok's answer (no app configured, offline) the cached creator info stays in use.
    m_backend.refreshCreatorInfo(primary->id, this, [this](std::expected<CreatorInfo, Error>) {
        m_creatorAsking.clear();
        revalidate();
    });
}

void ComposerPage::followCreator(const Post &current, const QList<MediaCheck> &checks) {
    // The privacy levels and interactions follow the first chosen account's creator info, and
    // whether this is a photo post as the validator decides it.
    const AccountSummary *primary = m_settings->accounts()->primary();
    const QSignalBlocker blocker(m_settings); // what it turns off follows from what is shown
    m_settings->follow(primary ? primary->creator : std::nullopt, isPhotoPost(current, checks));
}

void ComposerPage::updateSummary() {
    const int errors = m_findings->errorCount();
    const int warnings = m_findings->warningCount();
    if (m_media->model()->isProbing()) {
        m_summary->setText(tr("Reading media…"));
        setTextTone(m_summary, QColor());
        return;
    }
    if (errors > 0) {
        m_summary->setText(tr("%n problem(s) to fix", nullptr, errors));
        setTextTone(m_summary, errorTone(palette()));
        return;
    }
    QString ready = tr("✔ Ready to schedule");
    if (m_backend.workspace().approvalRequired) {
        ready = tr("✔ Ready to submit for review");
    } else if (m_settings->when()->isAsap()) {
        ready = m_settings->sendsToInbox() ? tr("✔ Ready to send to the TikTok app") : tr("✔ Ready to post");
    }
    if (warnings > 0) {
        ready = tr("%1 · %n note(s) below", nullptr, warnings).arg(ready);
    }
    m_summary->setText(ready);
    setTextTone(m_summary, okTone(palette()));
}

void ComposerPage::requestQueueSlot() {
    const QString account = m_settings->accounts()->checkedIds().value(0);
    m_backend.nextQueueSlot(account, this, [this](std::expected<std::optional<QueueSlot>, Error> slot) {
        WhenPicker *when = m_settings->when();
        if (!when->isAddToQueue()) {
            return; // the user chose otherwise meanwhile
        }
        if (!slot) {
            when->setQueueSlot(std::nullopt, slot.error().message);
        } else if (!*slot) {
            when->setQueueSlot(std::nullopt, tr("This account has no free posting time: set its "
                                                "weekly posting times first."));
        } else {
            when->setQueueSlot((*slot)->atUtc.toTimeZone(QTimeZone((*slot)->timeZone.toUtf8())));
        }
    });
}

QString ComposerPage::saveBlocker() const {
    if (const QString queue = m_settings->when()->queueBlocker(); !queue.isEmpty()) {
        return queue;
    }
    const MediaListModel *media = m_media->model();
    if (media->rowCount() == 0) {
        return tr("Add a video or photos first: drop them here or press %1.")
            .arg(m_addMediaAction->shortcut().toString(QKeySequence::NativeText));
    }
    if (media->isProbing()) {
        return tr("Reading media…");
    }
    if (m_fixer && m_fixer->running() > 0) {
        return tr("Converting media… (or cancel the conversion)");
    }
    for (int row = 0; row < media->rowCount(); ++row) {
        const QModelIndex index = media->index(row);
        if (index.data(MediaListModel::StateRole).value<MediaListModel::State>()
            == MediaListModel::State::Unreadable) {
            return tr("Remove %1 first: it cannot be read.")
                .arg(index.data(MediaListModel::FilenameRole).toString());
        }
    }
    return {};
}

ComposerPage::Allowed ComposerPage::allowed() const {
    Allowed can;
    const bool approval = m_backend.workspace().approvalRequired;
    if (m_busy) {
        can.saveWhy = tr("Saving…");
    } else if (!m_backend.isReady()) {
        can.saveWhy = tr("Opening ClipQueue's database…");
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
    QString submit = tr("Schedule");
    QString saveAndSubmit = tr("Save and schedule");
    if (approval) {
        submit = tr("Submit for review");
        saveAndSubmit = tr("Save and submit for review");
    } else if (m_settings->when()->isAsap() && m_settings->sendsToInbox()) {
        // In inbox mode nothing is posted yet: the creator finishes it in TikTok's app.
        submit = tr("Send to TikTok now");
        saveAndSubmit = tr("Save and send to TikTok now");
    } else if (m_settings->when()->isAsap()) {
        submit = tr("Post now");
        saveAndSubmit = tr("Save and post now");
    }
    QString save = tr("Save draft");
    if (m_editing) {
        save = tr("Save changes");
        submit = saveAndSubmit;
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
    // "Connect the account": the place for that is the Accounts page.
    const QString code = index.data(FindingsModel::CodeRole).toString();
    if (code == findingCodeName(FindingCode::CreatorUnknown)
        || (code == findingCodeName(FindingCode::PostNoAccounts) && m_backend.accounts().isEmpty())) {
        Q_EMIT accountsRequested();
        return;
    }
    const int media = index.data(FindingsModel::MediaIndexRole).toInt();
    const QString field = index.data(FindingsModel::FieldRole).toString();
    if (media >= 0 && media < m_media->model()->rowCount()) {
        m_media->showItem(media);
    } else if (field.endsWith(u"/photoCoverIndex") || field == u"/content/media") {
        m_media->showItem(m_media->model()->coverRow());
    } else if (field.endsWith(u"/videoCoverTimestampMs")) {
        m_media->preview()->setFocus();
    } else {
        m_settings->focusField(index.data(FindingsModel::FieldRole).toString());
    }
}

void ComposerPage::onAccountsChanged() {
    const bool pristine = !hasUnsavedChanges();
    AccountPicker *accounts = m_settings->accounts();
    {
        const QSignalBlocker blocker(accounts);
        accounts->setAccounts(m_backend.accounts()); // keeps the accounts chosen
    }
    revalidate();
    if (pristine) {
        markSaved(); // the default account checked by itself is no change of the user's
    }
}

void ComposerPage::onWorkspaceChanged() {
    // The workspace's zone is where a new time is read, unless the user picked a time already.
    if (!m_editing && m_settings->when()->isAsap()) {
        const bool pristine = !hasUnsavedChanges();
        m_settings->when()->reset(m_backend.workspace().defaultTimeZone);
        if (pristine) {
            markSaved();
        }
    }
    revalidate();
}

void ComposerPage::onPostChanged(const PostRow &row) {
    followSent(row);
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
    Post kept;
    m_settings->applyTo(kept);
    clear();
    m_settings->load(kept);
    showError(tr("The post you were editing was deleted elsewhere (another window or "
                 "clipqueue-cli). Its caption and settings are still here: add the media again "
                 "to save it as a new post."));
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
    return id.isEmpty() ? tr("the default account") : id;
}

} // namespace cq::ui
