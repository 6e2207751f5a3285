// Bulk scheduling in the window, offscreen, on a real Backend (BackendHarness): a folder of videos
// with sidecar captions becomes one checked row per video; "Add all to queue" gives each the
// account's next free posting time; a CSV plan with bad rows shows every row's findings and stores
// nothing until the bad rows are skipped. Screenshot: screenshots/bulkimport.png.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "bulk/BulkImportDialog.h"
#include "bulk/BulkPlanModel.h"
#include "storage/PostingTimesRepository.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using namespace cq::ui;
using cq::test::BackendHarness;

namespace {
constexpr int TimeoutMs = 20000;

void writeText(const QString &path, const QByteArray &text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}
} // namespace

class TestBulkImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void folderWithSidecarsBecomesOneRowPerVideo();
    void addAllToQueueGivesEachAFreeTime();
    void csvWithBadRowsStoresNothingUntilSkipped();

private:
    void open();
    QString folderOfVideos();
    int storedPosts();

    std::unique_ptr<BackendHarness> m_harness;
    std::unique_ptr<BulkImportDialog> m_dialog;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_files;
};

void TestBulkImport::init() {
    m_harness = std::make_unique<BackendHarness>();
    QVERIFY2(m_harness->start(), qPrintable(m_harness->why()));
}

void TestBulkImport::cleanup() {
    m_tester.reset();
    m_dialog.reset();
    m_harness.reset();
}

void TestBulkImport::open() {
    m_dialog = std::make_unique<BulkImportDialog>(m_harness->backend());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

// clip-a.mp4 with clip-a.txt, clip-b.mp4 without a caption, and a note that is no video.
QString TestBulkImport::folderOfVideos() {
    const QString folder = m_files.filePath(QStringLiteral("drop"));
    QDir().mkpath(folder);
    const QString video = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    QFile::copy(video, folder + QStringLiteral("/clip-a.mp4"));
    QFile::copy(video, folder + QStringLiteral("/clip-b.mp4"));
    writeText(folder + QStringLiteral("/clip-a.txt"), "Studio tour, part one #behindthescenes\n");
    writeText(folder + QStringLiteral("/notes.pdf"), "%PDF-1.4");
    return folder;
}

int TestBulkImport::storedPosts() {
    return int(m_harness->seed().posts().repository().list(std::nullopt, 1000)->size());
}

void TestBulkImport::folderWithSidecarsBecomesOneRowPerVideo() {
    open();
    m_dialog->addPaths({folderOfVideos()});
    BulkPlanModel *model = m_dialog->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), TimeoutMs);
    QCOMPARE(model->index(0, BulkPlanModel::FileColumn).data().toString(), QStringLiteral("clip-a.mp4"));
    QCOMPARE(model->index(0, BulkPlanModel::CaptionColumn).data().toString(),
             QStringLiteral("Studio tour, part one #behindthescenes"));
    QCOMPARE(model->index(1, BulkPlanModel::CaptionColumn).data().toString(), QStringLiteral("(no caption)"));
    // Probed and validated: no privacy chosen yet is an error, so nothing can be stored.
    QVERIFY2(model->index(0, BulkPlanModel::FindingsColumn).data().toString().contains(u"error"),
             qPrintable(model->index(0, BulkPlanModel::FindingsColumn).data().toString()));
    auto *store = m_dialog->findChild<QPushButton *>(QStringLiteral("storePlanButton"));
    QVERIFY(!store->isEnabled());
    auto *privacy = m_dialog->findChild<QComboBox *>(QStringLiteral("bulkPrivacyCombo"));
    privacy->setCurrentIndex(privacy->findData(QStringLiteral("SELF_ONLY")));
    Q_EMIT privacy->activated(privacy->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(model->storableCount(), 2, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(store->isEnabled(), TimeoutMs);
    QSignalSpy stored(m_dialog.get(), &BulkImportDialog::stored);
    store->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, TimeoutMs);
    QCOMPARE(stored.at(0).at(0).toInt(), 2);
    QCOMPARE(storedPosts(), 2);
    // The same folder again: each video's bytes are in a stored post of the account already.
    m_dialog->addPaths({m_files.filePath(QStringLiteral("drop"))});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), TimeoutMs);
    const QString tip = model->index(0, BulkPlanModel::FindingsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"Warning: The same media is already in the post"),
             qPrintable(tip + u" / "
                        + model->index(1, BulkPlanModel::FindingsColumn).data(Qt::ToolTipRole).toString()));
}

void TestBulkImport::addAllToQueueGivesEachAFreeTime() {
    QVERIFY(PostingTimesRepository(m_harness->seed().database())
                .set(QStringLiteral("acct-1"),
                     *PostingTimes::parse(QStringLiteral("daily 18:30"), QStringLiteral("Europe/Berlin"))));
    open();
    m_dialog->addPaths({folderOfVideos()});
    BulkPlanModel *model = m_dialog->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), TimeoutMs);
    m_dialog->findChild<QPushButton *>(QStringLiteral("addAllToQueueButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(model->rows().value(1).row.post.scheduledFor.has_value(), TimeoutMs);
    const QDateTime first = *model->rows().at(0).row.post.scheduledFor;
    const QDateTime second = *model->rows().at(1).row.post.scheduledFor;
    QCOMPARE(first.addDays(1), second);
    QCOMPARE(first.timeZone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(first.time(), QTime(18, 30));
    // Spread over days: one a day at the chosen time.
    m_dialog->findChild<QPushButton *>(QStringLiteral("spreadButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!model->rows().at(0).row.addToQueue, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), TimeoutMs);
    QCOMPARE(model->rows().at(0).row.post.scheduledFor->date().daysTo(
                 model->rows().at(1).row.post.scheduledFor->date()),
             1);
    QVERIFY(m_dialog->grab().save(cq::test::screenshotPath(QStringLiteral("bulkimport.png"))));
}

void TestBulkImport::csvWithBadRowsStoresNothingUntilSkipped() {
    const QString video = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const QString csv = m_files.filePath(QStringLiteral("plan.csv"));
    writeText(csv, QStringLiteral("file,caption,time,zone,privacy\n"
                                  "%1,Good one,2031-03-28T18:30,Europe/Berlin,only me\n"
                                  "missing.mp4,Gone,2031-03-29T18:30,Europe/Berlin,only me\n"
                                  "%1,Bad zone,2031-03-29T18:30,Mars/Base,only me\n")
                       .arg(video)
                       .toUtf8());
    open();
    m_dialog->importCsv(csv);
    BulkPlanModel *model = m_dialog->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), TimeoutMs);
    QCOMPARE(model->storableCount(), 1);
    QVERIFY(model->index(2, BulkPlanModel::FindingsColumn).data().toString().contains(u"Mars/Base"));
    auto *store = m_dialog->findChild<QPushButton *>(QStringLiteral("storePlanButton"));
    QVERIFY(!store->isEnabled());
    QCOMPARE(storedPosts(), 0);
    m_dialog->findChild<QCheckBox *>(QStringLiteral("skipInvalidCheck"))->setChecked(true);
    QVERIFY(store->isEnabled());
    QSignalSpy stored(m_dialog.get(), &BulkImportDialog::stored);
    store->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, TimeoutMs);
    QCOMPARE(storedPosts(), 1);
}

QTEST_MAIN(TestBulkImport)
#include "tst_bulkimport.moc"
