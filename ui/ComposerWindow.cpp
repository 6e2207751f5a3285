#include "ComposerWindow.h"

#include "FindingsModel.h"
#include "MediaListModel.h"
#include "MediaProbeQueue.h"
#include "post/PostValidator.h"
#include "post/TikTokRules.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
struct PrivacyChoice {
    const char *level;
    const char *label;
};
constexpr PrivacyChoice privacyChoices[] = {
    {privacy::PublicToEveryone, "Everyone"},
    {privacy::MutualFollowFriends, "Friends"},
    {privacy::FollowerOfCreator, "Followers"},
    {privacy::SelfOnly, "Only me"},
};
} // namespace

ComposerWindow::ComposerWindow(const MediaProber &prober, QWidget *parent)
    : QMainWindow(parent)
    , m_media(new MediaListModel(this))
    , m_findings(new FindingsModel(this))
    , m_queue(new MediaProbeQueue(prober, this)) {
    setObjectName(QStringLiteral("composerWindow"));
    setWindowTitle(QStringLiteral("ClipQueue"));
    setAcceptDrops(true);
    setMinimumSize(1000, 650);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildMediaPane());
    splitter->addWidget(buildSettingsPane());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    buildMenus();

    connect(m_queue, &MediaProbeQueue::probed, m_media, &MediaListModel::setProbed);
    connect(m_queue, &MediaProbeQueue::thumbnailReady, m_media, &MediaListModel::setThumbnail);
    connect(m_media, &QAbstractItemModel::dataChanged, this, &ComposerWindow::revalidate);
    connect(m_media, &QAbstractItemModel::rowsInserted, this, &ComposerWindow::revalidate);
    connect(m_media, &QAbstractItemModel::rowsRemoved, this, &ComposerWindow::revalidate);
    revalidate();
}

ComposerWindow::~ComposerWindow() = default;

void ComposerWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *add = file->addAction(QStringLiteral("&Add media…"), this, &ComposerWindow::chooseFiles);
    add->setShortcut(QKeySequence::Open);
    add->setObjectName(QStringLiteral("addMediaAction"));
    file->addSeparator();
    QAction *quit = file->addAction(QStringLiteral("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
}

QWidget *ComposerWindow::buildMediaPane() {
    auto *pane = new QGroupBox(QStringLiteral("Media"), this);
    auto *layout = new QVBoxLayout(pane);
    m_mediaStack = new QStackedWidget(pane);

    auto *hint =
        new QLabel(QStringLiteral("<p style='font-size:15pt'>Drop a video or up to 35 photos here</p>"
                                  "<p>or use File &gt; Add media… (Ctrl+O)</p>"),
                   pane);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); border: 2px dashed palette(mid); "
                                       "border-radius: 8px; }"));
    m_mediaStack->addWidget(hint);

    m_mediaView = new QListView(pane);
    m_mediaView->setObjectName(QStringLiteral("mediaList"));
    m_mediaView->setModel(m_media);
    m_mediaView->setIconSize(QSize(MediaProbeQueue::ThumbnailSidePx, MediaProbeQueue::ThumbnailSidePx));
    m_mediaView->setSpacing(4);
    m_mediaView->setWordWrap(true);
    m_mediaView->setUniformItemSizes(false);
    m_mediaView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_mediaView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(QStringLiteral("Remove from post"), m_mediaView);
    remove->setObjectName(QStringLiteral("removeMediaAction"));
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &ComposerWindow::removeSelectedMedia);
    m_mediaView->addAction(remove);
    m_mediaStack->addWidget(m_mediaView);

    layout->addWidget(m_mediaStack);
    return pane;
}

QWidget *ComposerWindow::buildSettingsPane() {
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *post = new QGroupBox(QStringLiteral("TikTok post"), pane);
    auto *form = new QFormLayout(post);
    m_caption = new QPlainTextEdit(post);
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setPlaceholderText(QStringLiteral("Caption, #hashtags and @mentions"));
    m_caption->setAcceptDrops(false); // dropped files go to the post, not into the caption
    m_caption->setMaximumHeight(110);
    m_captionCounter = new QLabel(post);
    m_captionCounter->setObjectName(QStringLiteral("captionCounter"));
    m_captionCounter->setAlignment(Qt::AlignRight);
    auto *captionBox = new QVBoxLayout;
    captionBox->addWidget(m_caption);
    captionBox->addWidget(m_captionCounter);
    form->addRow(QStringLiteral("Caption"), captionBox);

    m_privacy = new QComboBox(post);
    m_privacy->setObjectName(QStringLiteral("privacyCombo"));
    // TikTok requires an explicit choice: the placeholder is not a privacy level.
    m_privacy->addItem(QStringLiteral("Choose who can see this post"), QString());
    for (const PrivacyChoice &choice : privacyChoices) {
        m_privacy->addItem(QString::fromLatin1(choice.label), QString::fromLatin1(choice.level));
    }
    form->addRow(QStringLiteral("Who can see it"), m_privacy);

    m_allowComment = new QCheckBox(QStringLiteral("Allow comments"), post);
    m_allowComment->setObjectName(QStringLiteral("allowCommentCheck"));
    m_allowDuet = new QCheckBox(QStringLiteral("Allow Duet"), post);
    m_allowDuet->setObjectName(QStringLiteral("allowDuetCheck"));
    m_allowStitch = new QCheckBox(QStringLiteral("Allow Stitch"), post);
    m_allowStitch->setObjectName(QStringLiteral("allowStitchCheck"));
    auto *interactions = new QVBoxLayout;
    for (QCheckBox *box : {m_allowComment, m_allowDuet, m_allowStitch}) {
        interactions->addWidget(box); // all off by default, as TikTok's guidelines require
        connect(box, &QCheckBox::toggled, this, &ComposerWindow::revalidate);
    }
    form->addRow(QStringLiteral("Interactions"), interactions);
    layout->addWidget(post);

    auto *checks = new QGroupBox(QStringLiteral("Before it can be scheduled"), pane);
    auto *checksLayout = new QVBoxLayout(checks);
    m_summary = new QLabel(checks);
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_findingsView = new QListView(checks);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->setModel(m_findings);
    m_findingsView->setWordWrap(true);
    m_findingsView->setSpacing(2);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_findingsView, &QAbstractItemView::activated, this, &ComposerWindow::showFinding);
    checksLayout->addWidget(m_summary);
    checksLayout->addWidget(m_findingsView, 1);
    layout->addWidget(checks, 1);

    connect(m_caption, &QPlainTextEdit::textChanged, this, &ComposerWindow::revalidate);
    connect(m_privacy, &QComboBox::currentIndexChanged, this, &ComposerWindow::revalidate);
    return pane;
}

QStringList ComposerWindow::localFiles(const QMimeData *mime) {
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

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (!localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void ComposerWindow::dragMoveEvent(QDragMoveEvent *event) {
    if (!localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void ComposerWindow::dropEvent(QDropEvent *event) {
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty()) {
        return;
    }
    event->acceptProposedAction();
    addFiles(files);
}

void ComposerWindow::addFiles(const QStringList &paths) {
    for (const QString &path : paths) {
        const int id = m_media->addFile(QFileInfo(path).absoluteFilePath());
        m_queue->enqueue(id, QFileInfo(path).absoluteFilePath());
    }
    statusBar()->showMessage(tr("Reading %n file(s)…", nullptr, int(paths.size())), 3000);
}

void ComposerWindow::chooseFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, QStringLiteral("Add media"), QString(),
        QStringLiteral(
            "Videos and photos (*.mp4 *.mov *.webm *.m4v *.jpg *.jpeg *.webp *.png *.gif);;All files (*)"));
    addFiles(files);
}

void ComposerWindow::removeSelectedMedia() {
    QList<int> rows;
    for (const QModelIndex &index : m_mediaView->selectionModel()->selectedIndexes()) {
        rows << index.row();
    }
    m_media->removeRowsAt(rows);
}

Post ComposerWindow::post() const {
    Post post;
    post.text = m_caption->toPlainText();
    post.media = m_media->declaredMedia();
    post.tiktok.privacyLevel = m_privacy->currentData().toString();
    post.tiktok.disableComment = !m_allowComment->isChecked();
    post.tiktok.disableDuet = !m_allowDuet->isChecked();
    post.tiktok.disableStitch = !m_allowStitch->isChecked();
    return post;
}

void ComposerWindow::revalidate() {
    Post current = post();
    const QList<MediaCheck> checks = m_media->checks();
    bool photoPost = !checks.isEmpty();
    for (const MediaCheck &check : checks) {
        photoPost = photoPost && check.probed && check.probed->isPhoto();
    }
    // Photo posts have only Comment: Duet and Stitch are off and cannot be turned on.
    for (QCheckBox *box : {m_allowDuet, m_allowStitch}) {
        if (photoPost && box->isChecked()) {
            const QSignalBlocker blocker(box);
            box->setChecked(false);
            current = post();
        }
        box->setEnabled(!photoPost);
        box->setToolTip(photoPost ? QStringLiteral("Photo posts have no Duet or Stitch.") : QString());
    }

    const int limit = photoPost ? rules::MaxDescriptionPhotoUtf16 : rules::MaxCaptionVideoUtf16;
    const qsizetype units = current.text.size(); // TikTok counts UTF-16 code units, as QString does
    m_captionCounter->setText(QStringLiteral("%1 / %2").arg(units).arg(limit));
    m_captionCounter->setStyleSheet(units > limit ? QStringLiteral("color: #c62828; font-weight: bold")
                                                  : QString());

    ValidationContext context;
    context.now = QDateTime::currentDateTimeUtc();
    m_findings->setFindings(validatePost(current, checks, context));

    m_mediaStack->setCurrentIndex(m_media->rowCount() == 0 ? 0 : 1);
    const int errors = m_findings->errorCount();
    const int warnings = int(m_findings->findings().size()) - errors;
    if (m_media->isProbing()) {
        m_summary->setText(QStringLiteral("Reading media…"));
    } else if (errors == 0) {
        m_summary->setText(warnings == 0 ? QStringLiteral("✔ Ready to schedule")
                                         : tr("✔ Ready to schedule (%n note(s) below)", nullptr, warnings));
    } else {
        m_summary->setText(tr("%n problem(s) to fix", nullptr, errors));
    }
    m_summary->setStyleSheet(errors == 0 && !m_media->isProbing() ? QStringLiteral("color: #2e7d32")
                                                                  : QStringLiteral("color: #c62828"));
}

void ComposerWindow::showFinding(const QModelIndex &index) {
    const int media = index.data(FindingsModel::MediaIndexRole).toInt();
    if (media >= 0 && media < m_media->rowCount()) {
        m_mediaView->setCurrentIndex(m_media->index(media));
        m_mediaView->scrollTo(m_media->index(media));
        m_mediaView->setFocus();
    } else if (index.data(FindingsModel::FieldRole).toString().contains(u"privacy")) {
        m_privacy->setFocus();
        m_privacy->showPopup();
    } else if (index.data(FindingsModel::FieldRole).toString() == u"/content/text") {
        m_caption->setFocus();
    }
}

} // namespace cq::ui
