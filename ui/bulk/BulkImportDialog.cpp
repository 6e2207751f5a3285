#include "bulk/BulkImportDialog.h"

#include "bulk/BulkPlanModel.h"
#include "common/InlineMessage.h"
#include "common/StatusText.h"
#include "composer/WhenPicker.h"
#include "session/Backend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
QPushButton *button(const QString &text, const QString &objectName, QWidget *parent) {
    auto *made = new QPushButton(text, parent);
    made->setObjectName(objectName);
    made->setAccessibleName(QString(text).remove(u'&').remove(QStringLiteral("…")));
    return made;
}
} // namespace

BulkImportDialog::BulkImportDialog(Backend &backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_model(new BulkPlanModel(this))
    , m_table(new QTableView(this))
    , m_message(new InlineMessage(this))
    , m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("bulkImportDialog"));
    setWindowTitle(tr("Bulk Import"));
    setAcceptDrops(true);
    auto *intro = new QLabel(tr("Drop videos or a folder here (a caption is read from a .txt file of the "
                                "same name beside each video), or import a CSV plan."),
                             this);
    intro->setWordWrap(true);
    QPushButton *files = button(tr("Add &Videos…"), QStringLiteral("addVideosButton"), this);
    QPushButton *folder = button(tr("Add &Folder…"), QStringLiteral("addFolderButton"), this);
    QPushButton *csv = button(tr("Import &CSV…"), QStringLiteral("importCsvButton"), this);
    connect(files, &QPushButton::clicked, this, [this] {
        addPaths(QFileDialog::getOpenFileNames(this, tr("Add Videos"), QString(),
                                               tr("Videos (*.mp4 *.mov *.webm *.m4v)")));
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Add Folder"));
        if (!chosen.isEmpty()) {
            addPaths({chosen});
        }
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString chosen =
            QFileDialog::getOpenFileName(this, tr("Import CSV"), QString(), tr("CSV (*.csv)"));
        if (!chosen.isEmpty()) {
            importCsv(chosen);
        }
    });
    auto *sources = new QHBoxLayout;
    for (QPushButton *source : {files, folder, csv}) {
        sources->addWidget(source);
    }
    sources->addStretch(1);

    m_table->setObjectName(QStringLiteral("bulkPlanTable"));
    m_table->setAccessibleName(tr("Posts to import"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(BulkPlanModel::FileColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BulkPlanModel::CaptionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(BulkPlanModel::WhenColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BulkPlanModel::FindingsColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_message->setObjectName(QStringLiteral("bulkMessage"));
    m_message->hide();
    m_summary->setObjectName(QStringLiteral("bulkSummary"));

    m_skipInvalid = new QCheckBox(tr("S&kip rows with errors"), this);
    m_skipInvalid->setObjectName(QStringLiteral("skipInvalidCheck"));
    m_submit = new QCheckBox(tr("S&ubmit them"), this);
    m_submit->setObjectName(QStringLiteral("submitPlanCheck"));
    m_submit->setToolTip(tr("Submit each post once stored (to review, or to the queue without approvals)"));
    m_store = button(tr("&Store Posts"), QStringLiteral("storePlanButton"), this);
    m_store->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_store, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_store, &QPushButton::clicked, this, &BulkImportDialog::store);
    connect(m_skipInvalid, &QCheckBox::toggled, this, &BulkImportDialog::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(sources);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buildScheduling());
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_skipInvalid);
    bottom->addWidget(m_submit);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    const int line = fontMetrics().height();
    resize(line * 60, line * 32);
    updateState();
}

QWidget *BulkImportDialog::buildScheduling() {
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    QPushButton *queue = button(tr("Add All to &Queue"), QStringLiteral("addAllToQueueButton"), row);
    queue->setToolTip(tr("Each post at its account's next free posting time"));
    connect(queue, &QPushButton::clicked, this, &BulkImportDialog::addAllToQueue);
    m_days = new QSpinBox(row);
    m_days->setObjectName(QStringLiteral("spreadDaysSpin"));
    m_days->setAccessibleName(tr("Days to spread over"));
    m_days->setRange(1, 365);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days"));
    m_firstDay = new QDateEdit(QDate::currentDate().addDays(1), row);
    m_firstDay->setObjectName(QStringLiteral("spreadFirstDayEdit"));
    m_firstDay->setAccessibleName(tr("First day"));
    m_firstDay->setCalendarPopup(true);
    m_time = new QTimeEdit(QTime(18, 0), row);
    m_time->setObjectName(QStringLiteral("spreadTimeEdit"));
    m_time->setAccessibleName(tr("Time of day"));
    m_time->setDisplayFormat(WhenPicker::clockFormat());
    QPushButton *spread = button(tr("S&pread"), QStringLiteral("spreadButton"), row);
    spread->setToolTip(tr("One post a day in turn, at this time in the workspace's zone"));
    connect(spread, &QPushButton::clicked, this, &BulkImportDialog::spread);
    auto *over = new QLabel(tr("or spread over"), row);
    over->setBuddy(m_days);
    layout->addWidget(queue);
    layout->addWidget(over);
    layout->addWidget(m_days);
    layout->addWidget(new QLabel(tr("from"), row));
    layout->addWidget(m_firstDay);
    layout->addWidget(new QLabel(tr("at"), row));
    layout->addWidget(m_time);
    layout->addWidget(spread);
    layout->addSpacing(fontMetrics().height());
    // TikTok asks the creator to choose who sees each post: there is no default.
    m_privacy = new QComboBox(row);
    m_privacy->setObjectName(QStringLiteral("bulkPrivacyCombo"));
    m_privacy->setAccessibleName(tr("Who can see them"));
    m_privacy->addItem(tr("Who can see them…"), QString());
    for (const QString &level : privacy::allLevels()) {
        m_privacy->addItem(privacyLabel(level), level);
    }
    auto *privacyLabelWidget = new QLabel(tr("P&rivacy:"), row);
    privacyLabelWidget->setBuddy(m_privacy);
    connect(m_privacy, &QComboBox::activated, this, &BulkImportDialog::applyPrivacy);
    layout->addWidget(privacyLabelWidget);
    layout->addWidget(m_privacy);
    layout->addStretch(1);
    m_planButtons = {queue, spread};
    return row;
}

void BulkImportDialog::dragEnterEvent(QDragEnterEvent *event) {
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void BulkImportDialog::dropEvent(QDropEvent *event) {
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    if (paths.size() == 1 && paths.first().endsWith(u".csv", Qt::CaseInsensitive)) {
        importCsv(paths.first());
    } else {
        addPaths(paths);
    }
    event->acceptProposedAction();
}

} // namespace cq::ui
