#include "queue/PostDetailsPanel.h"

#include "common/CommentDialog.h"
#include "common/CopyableView.h"
#include "common/FlowLayout.h"
#include "common/PostText.h"
#include "common/ScheduleDialog.h"
#include "common/SeverityLabel.h"
#include "common/StatusText.h"
#include "common/StoredThumbnails.h"
#include "common/TimeText.h"
#include "queue/PostHistoryModel.h"
#include "queue/PublishAttemptsModel.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
constexpr int ShaRole = Qt::UserRole + 1;

// The order of the buttons: what moves the post on first, then the rest.
const QList<PostAction> buttonOrder{
    PostAction::Approve,  PostAction::RequestChanges, PostAction::Submit,
    PostAction::Schedule, PostAction::Retry,          PostAction::MarkPublished,
    PostAction::Edit,     PostAction::Cancel,         PostAction::Delete,
};

QLabel *sectionTitle(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setAccessibleName(text);
    return label;
}

// A table that shows all its rows (the panel scrolls, not the table) and lets people copy cells.
QTableView *recordTable(QAbstractItemModel *model, const QString &objectName, const QString &name,
                        QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum); // no taller than its rows
    view->setTabKeyNavigation(false); // Tab leaves the table: it is read, not edited
    makeCopyable(view);
    return view;
}

QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

// What TikTok said the last time, as rich text: "The last attempt ended with <b>code</b>: message
// (HTTP 403, log id …)."
QString lastAttemptText(const QList<PublishAttempt> &attempts) {
    if (attempts.isEmpty()) {
        return {};
    }
    const PublishAttempt &last = attempts.constLast();
    QStringList facts;
    if (last.httpStatus) {
        facts << PostDetailsPanel::tr("HTTP %1").arg(*last.httpStatus);
    }
    if (!last.logId.isEmpty()) {
        facts << PostDetailsPanel::tr("log id %1").arg(escaped(last.logId));
    }
    const QString code =
        last.errorCode.isEmpty() ? PostDetailsPanel::tr("no error code") : escaped(last.errorCode);
    return PostDetailsPanel::tr("The last attempt ended with <b>%1</b>%2%3.")
        .arg(code, last.errorMessage.isEmpty() ? QString() : u": " + escaped(last.errorMessage),
             facts.isEmpty() ? QString() : u" (" + facts.join(QStringLiteral(", ")) + u')');
}
} // namespace

PostDetailsPanel::PostDetailsPanel(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_history(new PostHistoryModel(this))
    , m_attempts(new PublishAttemptsModel(this)) {
    setObjectName(QStringLiteral("postDetailsPanel"));
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(tr("Select a post to see its details."), this);
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // everything wraps or scrolls itself
    scroll->setWidget(buildContent());
    m_stack->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(&backend, &Backend::postChanged, this, [this](const PostRow &row) {
        if (!m_id.isEmpty() && row.post.id == m_id) {
            reload(); // history and attempts changed with it
        }
    });
    connect(&backend, &Backend::postRemoved, this, [this](const QString &id) {
        if (id == m_id) {
            ++m_serial; // an answer on its way is about the post as it was
            showPlaceholder(tr("This post was deleted."));
        }
    });
    connect(&backend, &Backend::accountsChanged, this, [this] {
        if (m_details) {
            presentHeader(m_details->row);
            presentSettings(m_details->row.post);
        }
    });
    connect(&StoredThumbnails::of(backend), &StoredThumbnails::thumbnailReady, this,
            &PostDetailsPanel::updateThumbnail);
}

PostDetailsPanel::~PostDetailsPanel() = default;

QString PostDetailsPanel::tiktokUrl(const QString &username, const QString &publicPostId) {
    if (username.isEmpty() || publicPostId.isEmpty()) {
        return {};
    }
    return u"https://www.tiktok.com/@" + QString::fromUtf8(QUrl::toPercentEncoding(username, "._"))
           + u"/video/" + QString::fromUtf8(QUrl::toPercentEncoding(publicPostId));
}

QString PostDetailsPanel::buttonName(PostAction action) {
    QString name;
    bool upper = false;
    for (const QChar c : Lifecycle::actionName(action)) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name + u"Button";
}

QWidget *PostDetailsPanel::buildContent() {
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(buildHeader());
    layout->addWidget(buildAttentionBox());
    layout->addWidget(buildActions());
    m_message = new SeverityLabel(content);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    layout->addWidget(m_message);
    layout->addWidget(buildSettings());
    layout->addWidget(buildRecords());
    layout->addStretch(1);
    return content;
}

QWidget *PostDetailsPanel::buildHeader() {
    auto *header = new QWidget(this);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(header);
    m_status->setObjectName(QStringLiteral("statusBadge"));
    m_status->setTextFormat(Qt::PlainText);
    // The badge is its word; the frame only groups it, in the palette's colours.
    m_status->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 4px; "
                                           "padding: 1px 6px; }"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_caption = new QLabel(header);
    m_caption->setObjectName(QStringLiteral("captionLabel"));
    m_caption->setAccessibleName(tr("Caption"));
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A word longer than the panel (a long link) is cut at the edge instead of widening the panel.
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_media = new QListWidget(header);
    m_media->setObjectName(QStringLiteral("mediaList"));
    m_media->setAccessibleName(tr("Media"));
    m_media->setViewMode(QListView::IconMode);
    m_media->setFlow(QListView::LeftToRight);
    m_media->setWrapping(false);
    m_media->setMovement(QListView::Static);
    m_media->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_media->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int side = fontMetrics().height() * 6;
    m_media->setIconSize(QSize(side, side));
    m_media->setSpacing(fontMetrics().height() / 4);
    m_media->setFixedHeight(side + fontMetrics().lineSpacing() * 3 / 2
                            + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + m_media->frameWidth() * 2);
    layout->addWidget(m_status);
    layout->addWidget(m_caption);
    layout->addWidget(m_media);
    return header;
}

QWidget *PostDetailsPanel::buildAttentionBox() {
    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("attentionBox"));
    box->setFrameShape(QFrame::StyledPanel);
    box->setBackgroundRole(QPalette::AlternateBase);
    box->setAutoFillBackground(true);
    m_attentionIcon = new QLabel(box);
    m_attentionIcon->setAlignment(Qt::AlignTop);
    m_attentionText = new QLabel(box);
    m_attentionText->setObjectName(QStringLiteral("attentionText"));
    m_attentionText->setTextFormat(Qt::RichText);
    m_attentionText->setWordWrap(true);
    m_attentionText->setOpenExternalLinks(true);
    m_attentionText->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *layout = new QHBoxLayout(box);
    layout->addWidget(m_attentionIcon);
    layout->addWidget(m_attentionText, 1);
    box->setVisible(false);
    m_attention = box;
    return box;
}

QWidget *PostDetailsPanel::buildActions() {
    m_actions = new QWidget(this);
    m_actions->setObjectName(QStringLiteral("actionsBar"));
    auto *flow = new FlowLayout(m_actions);
    flow->setContentsMargins(0, 0, 0, 0);
    for (const PostAction action : buttonOrder) {
        auto *button = new QPushButton(actionLabel(action), m_actions);
        button->setObjectName(buttonName(action));
        button->setVisible(false);
        connect(button, &QPushButton::clicked, this, [this, action] { trigger(action); });
        flow->addWidget(button);
        m_buttons.insert(action, button);
    }
    m_duplicate = new QPushButton(tr("Duplicate"), m_actions);
    m_duplicate->setObjectName(QStringLiteral("duplicateButton"));
    m_duplicate->setToolTip(tr("Make a new draft with the same media, caption and settings."));
    connect(m_duplicate, &QPushButton::clicked, this, &PostDetailsPanel::duplicate);
    flow->addWidget(m_duplicate);
    return m_actions;
}

QLabel *PostDetailsPanel::addValueRow(QFormLayout *form, const QString &title, const QString &objectName) {
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(objectName);
    value->setAccessibleName(title);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(title + u':', value);
    return value;
}

QWidget *PostDetailsPanel::buildSettings() {
    auto *settings = new QWidget(this);
    m_settingsForm = new QFormLayout(settings);
    m_settingsForm->setContentsMargins(0, 0, 0, 0);
    m_settingsForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_account = addValueRow(m_settingsForm, tr("Account"), QStringLiteral("accountValue"));
    m_when = addValueRow(m_settingsForm, tr("When"), QStringLiteral("timeValue"));
    m_privacy = addValueRow(m_settingsForm, tr("Who can watch"), QStringLiteral("privacyValue"));
    m_interactions = addValueRow(m_settingsForm, tr("Interactions"), QStringLiteral("interactionsValue"));
    m_commercial = addValueRow(m_settingsForm, tr("Commercial content"), QStringLiteral("commercialValue"));
    m_aigc = addValueRow(m_settingsForm, tr("AI-generated"), QStringLiteral("aiGeneratedValue"));
    m_postMode = addValueRow(m_settingsForm, tr("Posts to"), QStringLiteral("postModeValue"));
    m_link = addValueRow(m_settingsForm, tr("On TikTok"), QStringLiteral("tiktokLink"));
    m_link->setTextFormat(Qt::RichText);
    m_link->setOpenExternalLinks(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return settings;
}

QWidget *PostDetailsPanel::buildRecords() {
    auto *records = new QWidget(this);
    auto *layout = new QVBoxLayout(records);
    layout->setContentsMargins(0, 0, 0, 0);

    m_findingsSection = new QWidget(records);
    auto *findingsLayout = new QVBoxLayout(m_findingsSection);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(sectionTitle(tr("Checks"), m_findingsSection));
    m_findings = new QWidget(m_findingsSection);
    m_findings->setObjectName(QStringLiteral("findingsList"));
    m_findings->setAccessibleName(tr("Checks"));
    new QVBoxLayout(m_findings);
    m_findings->layout()->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(m_findings);
    layout->addWidget(m_findingsSection);

    m_attemptsSection = new QWidget(records);
    auto *attemptsLayout = new QVBoxLayout(m_attemptsSection);
    attemptsLayout->setContentsMargins(0, 0, 0, 0);
    attemptsLayout->addWidget(sectionTitle(tr("Publish attempts"), m_attemptsSection));
    m_attemptsView =
        recordTable(m_attempts, QStringLiteral("attemptsTable"), tr("Publish attempts"), m_attemptsSection);
    attemptsLayout->addWidget(m_attemptsView);
    layout->addWidget(m_attemptsSection);

    layout->addWidget(sectionTitle(tr("History"), records));
    m_historyView = recordTable(m_history, QStringLiteral("historyTable"), tr("History"), records);
    layout->addWidget(m_historyView);
    return records;
}

void PostDetailsPanel::showPost(const QString &id) {
    if (id == m_id && m_details) {
        return;
    }
    m_id = id;
    m_details.reset();
    m_message->clear();
    presentActions(); // nothing to act on until the post is loaded
    if (id.isEmpty()) {
        ++m_serial;
        showPlaceholder(tr("Select a post to see its details."));
        return;
    }
    reload();
}

void PostDetailsPanel::setActionsVisible(bool visible) {
    m_actionsVisible = visible;
    m_actions->setVisible(visible);
    presentActions();
}

void PostDetailsPanel::reload() {
    const int serial = ++m_serial;
    m_backend.postDetails(m_id, this, [this, serial](std::expected<PostDetails, Error> details) {
        if (serial != m_serial) {
            return; // the user moved on, or a newer answer is on its way
        }
        if (details) {
            present(*details);
        } else if (details.error().code == ErrorCode::NotFound) {
            showPlaceholder(tr("This post was deleted."));
        } else {
            m_message->showError(details.error().message);
        }
    });
}

void PostDetailsPanel::showPlaceholder(const QString &text) {
    m_details.reset();
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
    presentActions();
}

void PostDetailsPanel::present(const PostDetails &details) {
    const bool samePost = m_details && m_details->row.post.id == details.row.post.id;
    m_details = details;
    presentHeader(details.row);
    presentMedia(details.row.post);
    presentSettings(details.row.post);
    presentFindings(details.row);
    presentAttention(details);
    presentActions();
    m_history->setEntries(details.history);
    m_attempts->setAttempts(details.attempts);
    m_attemptsSection->setVisible(!details.attempts.isEmpty());
    m_stack->setCurrentIndex(1);
    if (!samePost) {
        m_historyView->resizeColumnsToContents();
        m_attemptsView->resizeColumnsToContents();
    }
    Q_EMIT loaded(details.row.post.id);
}

const AccountSummary *PostDetailsPanel::accountOf(const StoredPost &post) const {
    const QString id = post.accountId();
    for (const AccountSummary &account : m_backend.accounts()) {
        if (id.isEmpty() ? account.isDefault : account.id == id) {
            return &account;
        }
    }
    return nullptr;
}

void PostDetailsPanel::presentHeader(const PostRow &row) {
    const StoredPost &post = row.post;
    m_status->setText(statusLabel(post.status));
    m_status->setAccessibleName(tr("Status: %1").arg(statusLabel(post.status)));
    QString caption = post.content.text;
    if (post.isPhotoPost() && !post.content.tiktok.title.isEmpty()) {
        caption = post.content.tiktok.title + u"\n\n" + caption;
    }
    m_caption->setText(caption.isEmpty() ? tr("(No caption)") : caption);
    m_caption->setForegroundRole(caption.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
}

void PostDetailsPanel::presentMedia(const StoredPost &post) {
    QStringList shas;
    for (const StoredMedia &media : post.media) {
        shas << media.sha256;
    }
    QStringList shown;
    for (int row = 0; row < m_media->count(); ++row) {
        shown << m_media->item(row)->data(ShaRole).toString();
    }
    if (shas == shown) {
        return; // the media of a stored post never change: keep the pictures
    }
    m_media->clear();
    StoredThumbnails &thumbnails = StoredThumbnails::of(m_backend);
    const QIcon placeholder = style()->standardIcon(QStyle::SP_FileIcon);
    for (int index = 0; index < post.media.size(); ++index) {
        const StoredMedia &media = post.media[index];
        auto *item = new QListWidgetItem(mediaShortLabel(media, index), m_media);
        item->setData(ShaRole, media.sha256);
        item->setToolTip(mediaSummary(media.descriptor));
        const QImage image = thumbnails.thumbnail(media);
        item->setIcon(image.isNull() ? placeholder : QIcon(QPixmap::fromImage(image)));
    }
}

void PostDetailsPanel::updateThumbnail(const QString &sha256) {
    if (!m_details) {
        return;
    }
    for (int row = 0; row < m_media->count(); ++row) {
        QListWidgetItem *item = m_media->item(row);
        if (item->data(ShaRole).toString() != sha256) {
            continue;
        }
        const QImage image = StoredThumbnails::of(m_backend).thumbnail(m_details->row.post.media.value(row));
        if (!image.isNull()) {
            item->setIcon(QIcon(QPixmap::fromImage(image)));
        }
    }
}

void PostDetailsPanel::presentSettings(const StoredPost &post) {
    const TikTokSettings &settings = post.content.tiktok;
    const AccountSummary *account = accountOf(post);
    m_account->setText(account ? account->label()
                               : (post.accountId().isEmpty()
                                      ? tr("The default account (none connected)")
                                      : tr("%1 (not connected here)").arg(post.accountId())));
    m_when->setText(scheduleLabel(post.schedule));
    m_privacy->setText(privacyLabel(settings.privacyLevel));
    m_interactions->setText(interactionsLabel(settings, post.isPhotoPost()));
    m_commercial->setText(commercialLabel(settings));
    m_aigc->setText(aiGeneratedLabel(settings));
    m_postMode->setText(postModeLabel(settings));
    const bool published = !post.publicPostId.isEmpty();
    m_settingsForm->setRowVisible(m_link, published);
    if (published) {
        const QString url = tiktokUrl(account ? account->username : QString(), post.publicPostId);
        m_link->setText(url.isEmpty() ? tr("TikTok post %1 (the account's username is not known yet, so "
                                           "there is no link)")
                                            .arg(escaped(post.publicPostId))
                                      : u"<a href=\"" + escaped(url) + u"\">" + escaped(url) + u"</a>");
        m_link->setToolTip(url);
    }
}

void PostDetailsPanel::presentFindings(const PostRow &row) {
    qDeleteAll(m_findings->findChildren<SeverityLabel *>(Qt::FindDirectChildrenOnly));
    QList<Finding> findings = row.findings;
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding &a, const Finding &b) { return a.isError() && !b.isError(); });
    for (const Finding &finding : std::as_const(findings)) {
        auto *message = new SeverityLabel(m_findings);
        message->setObjectName(QStringLiteral("finding"));
        message->showMessage(finding.isError() ? SeverityLabel::Kind::Error : SeverityLabel::Kind::Warning,
                             finding.message);
        message->setToolTip(findingCodeName(finding.code));
        m_findings->layout()->addWidget(message);
    }
    m_findingsSection->setVisible(!findings.isEmpty());
}

void PostDetailsPanel::presentAttention(const PostDetails &details) {
    const StoredPost &post = details.row.post;
    const bool unknown = post.status == PostStatus::NeedsAttention;
    if (!unknown && post.status != PostStatus::Failed) {
        m_attention->setVisible(false);
        return;
    }
    const QString said = lastAttemptText(details.attempts);
    const AccountSummary *account = accountOf(post);
    const QString profile = account && !account->username.isEmpty()
                                ? tr(" <a href=\"https://www.tiktok.com/@%1\">Open @%1 on TikTok</a>.")
                                      .arg(escaped(account->username))
                                : QString();
    QString text;
    if (unknown) {
        text = tr("<p><b>TikTok may or may not have this post.</b> ClipQueue sent it but could not learn how "
                  "it ended. %1</p><p>Look at the account on TikTok before you choose.%2</p><ul>"
                  "<li><b>Retry</b> sends the post again. If TikTok already has it, it will be posted "
                  "twice: check TikTok first.</li>"
                  "<li><b>Mark as published</b>: you saw the post on TikTok.</li>"
                  "<li><b>Cancel post</b> gives up on it; nothing more is sent.</li></ul>")
                   .arg(said, profile);
    } else {
        text = tr("<p><b>Publishing failed.</b> %1</p><p><b>Retry</b> sends it again as it is; "
                  "<b>Duplicate</b> makes a draft you can change first.</p>")
                   .arg(said);
    }
    m_attentionText->setText(text);
    const int side = fontMetrics().height() * 2;
    m_attentionIcon->setPixmap(
        style()
            ->standardIcon(unknown ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxCritical, nullptr,
                           this)
            .pixmap(QSize(side, side), devicePixelRatio()));
    m_attention->setAccessibleName(unknown ? tr("Needs attention") : tr("Publishing failed"));
    m_attention->setVisible(true);
}

QString PostDetailsPanel::actionToolTip(PostAction action) const {
    const bool approval = m_backend.workspace().approvalRequired;
    switch (action) {
    case PostAction::Submit:
        return approval ? tr("Send it to a reviewer.") : tr("Queue it to publish at its time.");
    case PostAction::Approve:
        return tr("Approve it for publishing.");
    case PostAction::RequestChanges:
        return tr("Send it back to its author with a comment on what to change.");
    case PostAction::Schedule:
        return tr("Choose when it is published.");
    case PostAction::Edit:
        return tr("Change caption, settings or time in the composer.");
    case PostAction::Cancel:
        return tr("Give up on this post: it will not be published.");
    case PostAction::Retry:
        return tr("Send it to TikTok again now.");
    case PostAction::MarkPublished:
        return tr("You saw the post on TikTok: record it as published.");
    case PostAction::Delete:
        return tr("Delete the post and its history.");
    default:
        return {};
    }
}

void PostDetailsPanel::presentActions() {
    const std::optional<PostRow> row = m_details ? std::optional(m_details->row) : std::nullopt;
    const bool approval = m_backend.workspace().approvalRequired;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        const PostAction action = it.key();
        QPushButton *button = it.value();
        const bool allowed = row && row->actions.contains(action);
        button->setVisible(allowed);
        button->setEnabled(allowed && !m_busy);
        // Hidden buttons keep the reason too, for whoever asks the widget (tests, accessibility tools).
        button->setToolTip(allowed ? actionToolTip(action)
                           : row   ? Lifecycle::whyNot(action, row->post.status, approval)
                                   : QString());
    }
    if (row) {
        const bool scheduled = row->post.status == PostStatus::Scheduled;
        m_buttons[PostAction::Schedule]->setText(scheduled ? tr("Reschedule…") : tr("Schedule…"));
        m_buttons[PostAction::RequestChanges]->setText(tr("Request changes…"));
        m_buttons[PostAction::Delete]->setText(row->post.status == PostStatus::Draft ? tr("Delete draft…")
                                                                                     : tr("Delete…"));
        m_buttons[PostAction::Submit]->setText(approval ? actionLabel(PostAction::Submit) : tr("Submit"));
    }
    m_duplicate->setVisible(row.has_value());
    m_duplicate->setEnabled(row.has_value() && !m_busy);
    m_actions->setVisible(m_actionsVisible && row.has_value());
}

void PostDetailsPanel::setBusy(bool busy) {
    m_busy = busy;
    presentActions();
}

void PostDetailsPanel::trigger(PostAction action) {
    if (!m_details || !m_details->row.actions.contains(action)) {
        return;
    }
    switch (action) {
    case PostAction::Edit:
        Q_EMIT editRequested(m_id);
        return;
    case PostAction::RequestChanges:
        requestChanges();
        return;
    case PostAction::Schedule:
        schedule();
        return;
    case PostAction::Delete:
        confirmDelete();
        return;
    default:
        perform(action, QString());
        return;
    }
}

void PostDetailsPanel::perform(PostAction action, const QString &comment, const Finish &finish) {
    m_message->clear();
    setBusy(true);
    m_backend.perform(m_id, action, comment, this,
                      [this, finish](std::expected<std::optional<PostRow>, Error> result) {
                          setBusy(false);
                          const QString error = result ? QString() : result.error().message;
                          if (finish) {
                              finish(error);
                          } else {
                              m_message->showError(error);
                          }
                      });
}

void PostDetailsPanel::requestChanges() {
    auto *dialog = new CommentDialog(
        tr("Request changes"), tr("What should change? The author sees this comment in the post's history."),
        tr("&Request changes"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CommentDialog::commentSubmitted, this, [this, dialog](const QString &comment) {
        perform(PostAction::RequestChanges, comment, [dialog = QPointer(dialog)](const QString &error) {
            if (dialog && error.isEmpty()) {
                dialog->accept();
            } else if (dialog) {
                dialog->showError(error);
            }
        });
    });
    dialog->open();
}

void PostDetailsPanel::schedule() {
    const StoredPost &post = m_details->row.post;
    auto *dialog = new ScheduleDialog(post.schedule, post.status == PostStatus::Scheduled, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScheduleDialog::scheduleRequested, this,
            [this, dialog](const QDateTime &localTime, const QString &timeZone) {
                m_message->clear();
                m_backend.schedule(m_id, localTime, timeZone, dialog,
                                   [dialog](std::expected<PostRow, Error> result) {
                                       if (result) {
                                           dialog->accept();
                                       } else {
                                           dialog->showError(result.error().message);
                                       }
                                   });
            });
    dialog->open();
}

void PostDetailsPanel::confirmDelete() {
    const QString name = captionPreview(m_details->row.post.content.text, 40);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete post?"),
                                name.isEmpty() ? tr("Delete this post? Its history goes with it. This cannot "
                                                    "be undone.")
                                               : tr("Delete “%1”? Its history goes with it. This cannot be "
                                                    "undone.")
                                                     .arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDeleteBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::buttonClicked, this, [this, remove](QAbstractButton *clicked) {
        if (clicked == remove) {
            perform(PostAction::Delete, QString());
        }
    });
    box->open();
}

void PostDetailsPanel::duplicate() {
    m_message->clear();
    setBusy(true);
    m_backend.duplicate(m_id, this, [this](std::expected<PostRow, Error> copy) {
        setBusy(false);
        if (!copy) {
            m_message->showError(copy.error().message);
            return;
        }
        m_message->showMessage(SeverityLabel::Kind::Information, tr("Duplicated as a new draft."));
        Q_EMIT duplicated(copy->post.id);
    });
}

} // namespace cq::ui
