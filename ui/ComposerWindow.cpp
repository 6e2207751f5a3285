#include "ComposerWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QVBoxLayout>

#include "FindingsModel.h"
#include "MediaItemDelegate.h"
#include "MediaListModel.h"
#include "MediaProbeQueue.h"
#include "post/PostValidator.h"
#include "post/TikTokRules.h"

namespace cq::ui {

namespace {
const QColor ErrorColor(0xc6, 0x28, 0x28);
const QColor OkColor(0x2e, 0x7d, 0x32);

// "1 problem", "3 problems": English plurals without a translator loaded.
QString counted(int count, const QString &singular, const QString &plural) {
    return QString::number(count) + u' ' + (count == 1 ? singular : plural);
}

// Colours a label's text, or gives it back its inherited colour with an invalid `color`.
void setTextColor(QLabel *label, const QColor &color) {
    if (!color.isValid()) {
        label->setPalette(QPalette());
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QLabel *formLabel(const QString &text, QWidget *buddy) {
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}
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
    resize(1100, 720);

    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(10, 10, 10, 4);
    auto *splitter = new QSplitter(Qt::Horizontal, central);
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
    splitter->setSizes({600, 440});
    centralLayout->addWidget(splitter);
    setCentralWidget(central);
    buildMenus();

    connect(m_queue, &MediaProbeQueue::probed, m_media, &MediaListModel::setProbed);
    connect(m_queue, &MediaProbeQueue::thumbnailReady, m_media, &MediaListModel::setThumbnail);
    connect(m_queue, &MediaProbeQueue::idle, statusBar(), &QStatusBar::clearMessage);
    connect(m_media, &QAbstractItemModel::dataChanged, this, &ComposerWindow::revalidate);
    connect(m_media, &QAbstractItemModel::rowsInserted, this, &ComposerWindow::revalidate);
    connect(m_media, &QAbstractItemModel::rowsRemoved, this, &ComposerWindow::revalidate);
    connect(m_media, &QAbstractItemModel::rowsMoved, this, &ComposerWindow::revalidate);
    connect(m_caption, &QPlainTextEdit::textChanged, this, &ComposerWindow::revalidate);
    connect(m_privacy, &QComboBox::currentIndexChanged, this, &ComposerWindow::revalidate);
    for (QCheckBox *box : {m_allowComment, m_allowDuet, m_allowStitch}) {
        connect(box, &QCheckBox::toggled, this, &ComposerWindow::revalidate);
    }
    revalidate();
}

ComposerWindow::~ComposerWindow() = default;

QString ComposerWindow::privacyLabel(const QString &level) {
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

void ComposerWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *add = file->addAction(QStringLiteral("&Add media…"), this, &ComposerWindow::chooseFiles);
    add->setShortcut(QKeySequence::Open);
    add->setObjectName(QStringLiteral("addMediaAction"));
    file->addSeparator();
    QAction *quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));
}

QWidget *ComposerWindow::buildMediaPane() {
    auto *pane = new QGroupBox(QStringLiteral("Media"), this);
    auto *layout = new QVBoxLayout(pane);
    m_mediaStack = new QStackedWidget(pane);

    auto *hint =
        new QLabel(QStringLiteral("<p style='font-size:15pt'>Drop a video or up to 35 photos here</p>"
                                  "<p>or use File › Add media… (Ctrl+O)</p>"),
                   pane);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); border: 2px dashed palette(mid); "
                                       "border-radius: 10px; margin: 4px; }"));
    m_mediaStack->addWidget(hint);

    m_mediaView = new QListView(pane);
    m_mediaView->setObjectName(QStringLiteral("mediaList"));
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
    connect(remove, &QAction::triggered, this, &ComposerWindow::removeSelectedMedia);
    for (QAction *action : {earlier, later, separator, remove}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_mediaView->addAction(action);
    }
    m_mediaStack->addWidget(m_mediaView);

    layout->addWidget(m_mediaStack);
    return pane;
}

QWidget *ComposerWindow::buildSettingsPane() {
    auto *post = new QGroupBox(QStringLiteral("TikTok post"), this);
    auto *form = new QFormLayout(post);
    form->setLabelAlignment(Qt::AlignRight);

    m_account = new QLabel(QStringLiteral("No TikTok account connected"), post);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setTextFormat(Qt::PlainText);
    form->addRow(QStringLiteral("Account"), m_account);

    m_caption = new QPlainTextEdit(post);
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setPlaceholderText(QStringLiteral("Caption, #hashtags and @mentions"));
    m_caption->setAcceptDrops(false); // dropped files go to the post, not into the caption
    m_caption->setTabChangesFocus(true);
    m_caption->setFixedHeight(m_caption->fontMetrics().lineSpacing() * 5 + 12);
    m_captionCounter = new QLabel(post);
    m_captionCounter->setObjectName(QStringLiteral("captionCounter"));
    m_captionCounter->setAlignment(Qt::AlignRight);
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

    // All off by default, as TikTok's guidelines require: the user turns them on.
    m_allowComment = new QCheckBox(QStringLiteral("Allow comments"), post);
    m_allowComment->setObjectName(QStringLiteral("allowCommentCheck"));
    m_allowDuet = new QCheckBox(QStringLiteral("Allow Duet"), post);
    m_allowDuet->setObjectName(QStringLiteral("allowDuetCheck"));
    m_allowStitch = new QCheckBox(QStringLiteral("Allow Stitch"), post);
    m_allowStitch->setObjectName(QStringLiteral("allowStitchCheck"));
    m_interactionsNote = new QLabel(QStringLiteral("Photo posts can only allow comments."), post);
    m_interactionsNote->setObjectName(QStringLiteral("interactionsNote"));
    m_interactionsNote->setEnabled(false); // greyed, like the options it explains
    m_interactionsNote->hide();
    auto *interactions = new QVBoxLayout;
    interactions->setSpacing(4);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_allowComment, m_allowDuet, m_allowStitch, m_interactionsNote}) {
        interactions->addWidget(widget);
    }
    form->addRow(QStringLiteral("Interactions"), interactions);
    return post;
}

QWidget *ComposerWindow::buildFindingsPane() {
    auto *checks = new QGroupBox(QStringLiteral("Before it can be scheduled"), this);
    auto *layout = new QVBoxLayout(checks);
    m_summary = new QLabel(checks);
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_findingsView = new QListView(checks);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->setModel(m_findings);
    m_findingsView->setWordWrap(true);
    m_findingsView->setSpacing(3);
    m_findingsView->setResizeMode(QListView::Adjust);
    m_findingsView->setIconSize(QSize(20, 20));
    m_findingsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_findingsView, &QAbstractItemView::activated, this, &ComposerWindow::showFinding);
    layout->addWidget(m_summary);
    layout->addWidget(m_findingsView, 1);
    return checks;
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
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addFiles(files);
}

void ComposerWindow::addFiles(const QStringList &paths) {
    if (paths.isEmpty()) {
        return;
    }
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        m_queue->enqueue(m_media->addFile(absolute), absolute);
    }
    m_lastDirectory = QFileInfo(paths.constLast()).absolutePath();
    statusBar()->showMessage(
        QStringLiteral("Reading %1…")
            .arg(counted(m_queue->pending(), QStringLiteral("file"), QStringLiteral("files"))));
}

void ComposerWindow::chooseFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, QStringLiteral("Add media"), m_lastDirectory,
        QStringLiteral("Videos and photos (*.mp4 *.mov *.webm *.m4v *.jpg *.jpeg *.webp *.png *.heic);;"
                       "Videos (*.mp4 *.mov *.webm *.m4v);;Photos (*.jpg *.jpeg *.webp *.png *.heic);;"
                       "All files (*)"));
    addFiles(files);
}

void ComposerWindow::removeSelectedMedia() {
    QList<int> rows;
    for (const QModelIndex &index : m_mediaView->selectionModel()->selectedRows()) {
        rows << index.row();
    }
    if (rows.isEmpty() && m_mediaView->currentIndex().isValid()) {
        rows << m_mediaView->currentIndex().row();
    }
    m_media->removeRowsAt(rows);
}

void ComposerWindow::moveCurrentMedia(int offset) {
    const int row = m_mediaView->currentIndex().row();
    const int target = row + offset;
    if (row < 0 || target < 0 || target >= m_media->rowCount()) {
        return;
    }
    // moveRows() inserts before `destinationChild`, counted before the move.
    m_media->moveRows({}, row, 1, {}, offset > 0 ? target + 1 : target);
    m_mediaView->selectionModel()->select(m_media->index(target), QItemSelectionModel::ClearAndSelect);
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

void ComposerWindow::setCreator(const QString &accountLabel, const std::optional<CreatorInfo> &info) {
    m_creator = info;
    m_account->setText(accountLabel);
    // Only the levels this creator offers can be chosen (TikTok's UX guidelines).
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model())) {
        for (int row = 1; row < items->rowCount(); ++row) {
            const QString level = m_privacy->itemData(row).toString();
            items->item(row)->setEnabled(!info || info->privacyLevelOptions.contains(level));
        }
    }
    revalidate();
}

void ComposerWindow::updateInteractions(bool photoPost) {
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

void ComposerWindow::updateCaptionCounter(qsizetype units, int limit) {
    m_captionCounter->setText(QStringLiteral("%1 / %2").arg(units).arg(limit));
    const bool over = units > limit;
    setTextColor(m_captionCounter, over ? ErrorColor : QColor());
    QFont font = m_captionCounter->font();
    font.setBold(over);
    m_captionCounter->setFont(font);
}

void ComposerWindow::updateSummary() {
    const int errors = m_findings->errorCount();
    const int warnings = m_findings->warningCount();
    if (m_media->isProbing()) {
        m_summary->setText(QStringLiteral("Reading media…"));
        setTextColor(m_summary, QColor());
    } else if (errors > 0) {
        m_summary->setText(counted(errors, QStringLiteral("problem"), QStringLiteral("problems"))
                           + u" to fix");
        setTextColor(m_summary, ErrorColor);
    } else {
        m_summary->setText(warnings == 0
                               ? QStringLiteral("✔ Ready to schedule")
                               : QStringLiteral("✔ Ready to schedule · ")
                                     + counted(warnings, QStringLiteral("note"), QStringLiteral("notes"))
                                     + u" below");
        setTextColor(m_summary, OkColor);
    }
}

void ComposerWindow::revalidate() {
    const QList<MediaCheck> checks = m_media->checks();
    const Post current = post();
    const bool photoPost = isPhotoPost(current, checks); // as the validator decides it
    updateInteractions(photoPost);
    // TikTok counts UTF-16 code units, as QString does: an emoji outside the BMP counts 2.
    updateCaptionCounter(current.text.size(), captionLimitUtf16(photoPost));

    ValidationContext context;
    context.now = QDateTime::currentDateTimeUtc();
    context.creator = m_creator;
    m_findings->setFindings(validatePost(current, checks, context));

    m_mediaStack->setCurrentIndex(m_media->rowCount() == 0 ? 0 : 1);
    updateSummary();
}

void ComposerWindow::showFinding(const QModelIndex &index) {
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
    }
}

} // namespace cq::ui
