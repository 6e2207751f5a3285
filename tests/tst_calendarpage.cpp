// The calendar page, offscreen, on a real Backend (BackendHarness): posts show as chips on their day
// in the chosen zone; dragging one to another day or time reschedules it through the lifecycle,
// keeping the wall-clock time the user sees across the European and American daylight-saving
// changes; Ctrl+Z moves it back; published posts and moves into the past are refused; free posting
// times show as slots; double-clicking an empty place asks to compose for that time; keys move the
// days. Screenshots: screenshots/calendar-month.png, calendar-week.png.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "calendar/CalendarGrid.h"
#include "calendar/CalendarPage.h"
#include "common/InlineMessage.h"
#include "common/StoredThumbnails.h"
#include "composer/ComposerPage.h"
#include "composer/PostSettingsForm.h"
#include "composer/WhenPicker.h"
#include "media/MediaProber.h"
#include "queue/QueueFilterBar.h"
#include "storage/PostingTimesRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace cq;
using namespace cq::ui;
using cq::test::BackendHarness;
using cq::test::screenshotPath;

namespace {
constexpr int TimeoutMs = 15000;
const QString Berlin = QStringLiteral("Europe/Berlin");
const QString NewYork = QStringLiteral("America/New_York");

QDateTime utc(int y, int m, int d, int h, int min) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}
QDateTime in(const QString &zone, int y, int m, int d, int h, int min) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(zone.toUtf8()));
}
} // namespace

class TestCalendarPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void monthShowsPostsOnTheirDayInTheViewZone();
    void dragKeepsWallClockAcrossEuropeanDst();
    void dragKeepsWallClockAcrossAmericanDst();
    void dragInAnotherViewZoneKeepsThePostsZone();
    void weekDragPicksTheTimeDroppedOn();
    void undoMovesThePostBack();
    void publishedPostsCannotBeDragged();
    void aMoveIntoThePastIsRefused();
    void approvalIsWithdrawnAsForAnyEdit();
    void freePostingTimesShowAsSlots();
    void doubleClickAsksToComposeForThatTime();
    void keysAndButtonsMoveTheDays();
    void composerAddsToTheQueue();
    void screenshots();

private:
    void start(BackendHarness::Options options = {});
    void show(const QString &zone, const QDate &day, CalendarGrid::Mode mode = CalendarGrid::Mode::Month);
    QString scheduled(const QString &caption, const QDateTime &at);
    StoredPost stored(const QString &id);
    void drag(const QString &id, const QPoint &to);
    void waitForTime(const QString &id, const QDateTime &atUtc);

    std::unique_ptr<BackendHarness> m_harness;
    std::unique_ptr<CalendarPage> m_page;
};

void TestCalendarPage::init() {
    start();
}

void TestCalendarPage::cleanup() {
    m_page.reset();
    m_harness.reset();
}

void TestCalendarPage::start(BackendHarness::Options options) {
    m_page.reset();
    m_harness = std::make_unique<BackendHarness>(std::move(options));
    QVERIFY2(m_harness->start(), qPrintable(m_harness->why()));
}

void TestCalendarPage::show(const QString &zone, const QDate &day, CalendarGrid::Mode mode) {
    m_page = std::make_unique<CalendarPage>(m_harness->backend());
    m_page->resize(1400, 900);
    m_page->grid()->setToday(day);
    m_page->setViewZone(zone);
    if (mode == CalendarGrid::Mode::Week) {
        m_page->findChild<QAbstractButton *>(QStringLiteral("weekViewButton"))->click();
    }
    m_page->grid()->setCurrentDate(day);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), TimeoutMs);
}

QString TestCalendarPage::scheduled(const QString &caption, const QDateTime &at) {
    auto made = m_harness->submitted(caption, at);
    if (!made) {
        qFatal("%s", qPrintable(made.error().message));
    }
    // The zone the post keeps: the one its time was given in.
    auto zoned = m_harness->seed().posts().schedule(made->id, QDateTime(at.date(), at.time()),
                                                    QString::fromUtf8(at.timeZone().id()));
    if (!zoned) {
        qFatal("%s", qPrintable(zoned.error().message));
    }
    return made->id;
}

StoredPost TestCalendarPage::stored(const QString &id) {
    return m_harness->seed().posts().repository().get(id).value();
}

// Press on the chip, move past the drag distance, release over `to`.
void TestCalendarPage::drag(const QString &id, const QPoint &to) {
    CalendarGrid *grid = m_page->grid();
    QTRY_VERIFY_WITH_TIMEOUT(!grid->chipRect(id).isEmpty(), TimeoutMs);
    const QPoint from = grid->chipRect(id).center();
    QTest::mousePress(grid, Qt::LeftButton, {}, from);
    QTest::mouseMove(grid, from + QPoint(QApplication::startDragDistance() + 2, 2));
    QTest::mouseMove(grid, to);
    QTest::mouseRelease(grid, Qt::LeftButton, {}, to);
}

void TestCalendarPage::waitForTime(const QString &id, const QDateTime &atUtc) {
    QTRY_COMPARE_WITH_TIMEOUT(stored(id).schedule.atUtc.value_or(QDateTime()), atUtc, TimeoutMs);
}

void TestCalendarPage::monthShowsPostsOnTheirDayInTheViewZone() {
    // 23:30 in New York on the 10th is the 11th in Berlin.
    const QString id = scheduled(QStringLiteral("Late show"), in(NewYork, 2031, 6, 10, 23, 30));
    show(Berlin, QDate(2031, 6, 1));
    CalendarGrid *grid = m_page->grid();
    QTRY_VERIFY_WITH_TIMEOUT(!grid->chipRect(id).isEmpty(), TimeoutMs);
    const CalendarGeometry geometry = grid->geometryNow();
    QVERIFY(geometry.dayRect(QDate(2031, 6, 11)).contains(grid->chipRect(id)));
    QCOMPARE(grid->firstVisibleDay().dayOfWeek(), int(QLocale().firstDayOfWeek()));
    QVERIFY(grid->firstVisibleDay() <= QDate(2031, 6, 1));
    QVERIFY(grid->accessibleDescription().contains(u"no posts")); // the 1st is empty
    m_page->setViewZone(NewYork);
    QTRY_VERIFY_WITH_TIMEOUT(geometry.dayRect(QDate(2031, 6, 10)).contains(grid->chipRect(id)), TimeoutMs);
    grid->setCurrentDate(QDate(2031, 6, 10));
    QVERIFY(grid->accessibleDescription().contains(u"Scheduled"));
    QVERIFY(grid->accessibleDescription().contains(u"@ana.makes"));
}

void TestCalendarPage::dragKeepsWallClockAcrossEuropeanDst() {
    // Berlin springs forward on Sunday 30 March 2031: 18:30 on Saturday is 17:30Z, on Monday 16:30Z.
    const QString id = scheduled(QStringLiteral("Before the change"), in(Berlin, 2031, 3, 29, 18, 30));
    QCOMPARE(stored(id).schedule.atUtc, utc(2031, 3, 29, 17, 30));
    show(Berlin, QDate(2031, 3, 29));
    drag(id, m_page->grid()->pointFor(QDate(2031, 3, 31)));
    waitForTime(id, utc(2031, 3, 31, 16, 30));
    QCOMPARE(stored(id).schedule.timeZone, Berlin);
    QCOMPARE(stored(id).status, PostStatus::Scheduled); // "schedule" keeps it scheduled
    // And back over the autumn change (26 October 2031): 18:30 stays 18:30.
    const QString autumn = scheduled(QStringLiteral("Autumn"), in(Berlin, 2031, 10, 25, 18, 30));
    show(Berlin, QDate(2031, 10, 25));
    drag(autumn, m_page->grid()->pointFor(QDate(2031, 10, 27)));
    waitForTime(autumn, utc(2031, 10, 27, 17, 30));
}

void TestCalendarPage::dragKeepsWallClockAcrossAmericanDst() {
    // New York springs forward on Sunday 9 March 2031: 09:00 is 14:00Z before and 13:00Z after.
    const QString id = scheduled(QStringLiteral("Morning"), in(NewYork, 2031, 3, 8, 9, 0));
    QCOMPARE(stored(id).schedule.atUtc, utc(2031, 3, 8, 14, 0));
    show(NewYork, QDate(2031, 3, 8));
    drag(id, m_page->grid()->pointFor(QDate(2031, 3, 10)));
    waitForTime(id, utc(2031, 3, 10, 13, 0));
    QCOMPARE(stored(id).schedule.timeZone, NewYork);
    // Falling back on 2 November 2031: 09:00 is 14:00Z again.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->grid()->chipRect(id).isEmpty() == false, TimeoutMs);
    const QString autumn = scheduled(QStringLiteral("Autumn"), in(NewYork, 2031, 11, 1, 9, 0));
    show(NewYork, QDate(2031, 11, 1));
    drag(autumn, m_page->grid()->pointFor(QDate(2031, 11, 3)));
    waitForTime(autumn, utc(2031, 11, 3, 14, 0));
}

void TestCalendarPage::dragInAnotherViewZoneKeepsThePostsZone() {
    // Between the American (9 March) and European (30 March) changes New York is 5 hours behind
    // Berlin, not 6. Seen from New York, a Berlin post at 18:00 on the 7th is 12:00; dragged to the
    // 11th it stays at 12:00 on the New York clock the user looks at: 16:00Z, 17:00 in Berlin.
    const QString id = scheduled(QStringLiteral("Seen from afar"), in(Berlin, 2031, 3, 7, 18, 0));
    show(NewYork, QDate(2031, 3, 7));
    drag(id, m_page->grid()->pointFor(QDate(2031, 3, 11)));
    waitForTime(id, utc(2031, 3, 11, 16, 0));
    QCOMPARE(stored(id).schedule.timeZone, Berlin);
}

void TestCalendarPage::weekDragPicksTheTimeDroppedOn() {
    const QString id = scheduled(QStringLiteral("Week"), in(Berlin, 2031, 3, 24, 9, 0));
    show(Berlin, QDate(2031, 3, 24), CalendarGrid::Mode::Week);
    CalendarGrid *grid = m_page->grid();
    QTRY_VERIFY_WITH_TIMEOUT(!grid->chipRect(id).isEmpty(), TimeoutMs);
    // Taken at its top edge, dropped with its top at 10:30 on Wednesday.
    const QRect chip = grid->chipRect(id);
    const QPoint grab(chip.center().x(), chip.top() + 2);
    QTest::mousePress(grid, Qt::LeftButton, {}, grab);
    QTest::mouseMove(grid, grab + QPoint(0, QApplication::startDragDistance() + 2));
    const QPoint to = grid->pointFor(QDate(2031, 3, 26), QTime(10, 30));
    QTest::mouseMove(grid, to);
    QTest::mouseRelease(grid, Qt::LeftButton, {}, to);
    waitForTime(id, utc(2031, 3, 26, 9, 30));
    // The week after the change: Berlin is UTC+2 then.
    show(Berlin, QDate(2031, 3, 31), CalendarGrid::Mode::Week);
    const QString later = scheduled(QStringLiteral("After"), in(Berlin, 2031, 3, 31, 9, 0));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->grid()->chipRect(later).isEmpty(), TimeoutMs);
    const QRect laterChip = m_page->grid()->chipRect(later);
    const QPoint top(laterChip.center().x(), laterChip.top() + 2);
    QTest::mousePress(m_page->grid(), Qt::LeftButton, {}, top);
    QTest::mouseMove(m_page->grid(), top + QPoint(0, QApplication::startDragDistance() + 2));
    const QPoint friday = m_page->grid()->pointFor(QDate(2031, 4, 4), QTime(18, 45));
    QTest::mouseMove(m_page->grid(), friday);
    QTest::mouseRelease(m_page->grid(), Qt::LeftButton, {}, friday);
    waitForTime(later, utc(2031, 4, 4, 16, 45));
}

void TestCalendarPage::undoMovesThePostBack() {
    const QString id = scheduled(QStringLiteral("Undo me"), in(Berlin, 2031, 3, 29, 18, 30));
    show(Berlin, QDate(2031, 3, 29));
    QVERIFY(!m_page->undoStack()->canUndo());
    drag(id, m_page->grid()->pointFor(QDate(2031, 3, 31)));
    waitForTime(id, utc(2031, 3, 31, 16, 30));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->undoStack()->canUndo(), TimeoutMs);
    m_page->grid()->setFocus();
    QTest::keyClick(m_page->grid(), Qt::Key_Z, Qt::ControlModifier);
    waitForTime(id, utc(2031, 3, 29, 17, 30));
    QCOMPARE(stored(id).status, PostStatus::Scheduled);
    m_page->undoStack()->redo();
    waitForTime(id, utc(2031, 3, 31, 16, 30));
}

void TestCalendarPage::publishedPostsCannotBeDragged() {
    const QString id = scheduled(QStringLiteral("Out already"), in(Berlin, 2031, 3, 20, 12, 0));
    PublishAttempt attempt;
    attempt.outcome = AttemptOutcome::Published;
    QVERIFY(m_harness->settle(id, PostAction::Publish, attempt));
    show(Berlin, QDate(2031, 3, 20));
    QSignalSpy refused(m_page->grid(), &CalendarGrid::moveRefused);
    QSignalSpy moved(m_page->grid(), &CalendarGrid::moveRequested);
    drag(id, m_page->grid()->pointFor(QDate(2031, 3, 25)));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(moved.count(), 0);
    auto *message = m_page->findChild<InlineMessage *>(QStringLiteral("calendarMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"published"), qPrintable(message->text()));
    QCOMPARE(stored(id).schedule.atUtc, utc(2031, 3, 20, 11, 0));
    QVERIFY(!m_page->undoStack()->canUndo());
}

void TestCalendarPage::aMoveIntoThePastIsRefused() {
    // Validated again at the new time: a time that has passed is an error, and the post stays.
    const QDate today = QDate::currentDate();
    const QDateTime soon(today.addDays(2), QTime(12, 0), QTimeZone(Berlin.toUtf8()));
    const QString id = scheduled(QStringLiteral("Soon"), soon);
    show(Berlin, today);
    bool result = true;
    bool answered = false;
    m_page->movePost(id, soon.addDays(-30).toUTC(), true, [&](bool moved) {
        result = moved;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, TimeoutMs);
    QVERIFY(!result);
    auto *message = m_page->findChild<InlineMessage *>(QStringLiteral("calendarMessage"));
    QVERIFY2(message->text().contains(u"passed"), qPrintable(message->text()));
    QCOMPARE(stored(id).schedule.atUtc, soon.toUTC());
    QVERIFY(!m_page->undoStack()->canUndo());
}

void TestCalendarPage::approvalIsWithdrawnAsForAnyEdit() {
    BackendHarness::Options options;
    options.approvalRequired = true;
    start(options);
    // Approved (not yet scheduled): moving it is an edit, which sends it back to draft.
    auto made = m_harness->submitted(QStringLiteral("Approved"), in(Berlin, 2031, 5, 5, 10, 0));
    QVERIFY(made);
    QVERIFY(m_harness->seed().posts().approve(made->id, {}));
    show(Berlin, QDate(2031, 5, 5));
    drag(made->id, m_page->grid()->pointFor(QDate(2031, 5, 7)));
    QTRY_COMPARE_WITH_TIMEOUT(stored(made->id).status, PostStatus::Draft, TimeoutMs);
    QCOMPARE(stored(made->id).schedule.atUtc, in(Berlin, 2031, 5, 7, 10, 0).toUTC());
    QCOMPARE(Lifecycle::rescheduleAction(PostStatus::Scheduled, true), PostAction::Schedule);
    QCOMPARE(Lifecycle::rescheduleAction(PostStatus::Approved, true), PostAction::Edit);
    QCOMPARE(Lifecycle::rescheduleAction(PostStatus::Draft, false), PostAction::Edit);
    QCOMPARE(Lifecycle::rescheduleAction(PostStatus::Publishing, false), std::nullopt);
    QCOMPARE(Lifecycle::rescheduleAction(PostStatus::Published, false), std::nullopt);
}

void TestCalendarPage::freePostingTimesShowAsSlots() {
    auto times = PostingTimes::parse(QStringLiteral("mon-fri 18:30, sat 11:00"), Berlin);
    QVERIFY(times);
    QVERIFY(PostingTimesRepository(m_harness->seed().database()).set(QStringLiteral("acct-1"), *times));
    // Monday's 18:30 is taken; the rest of the week is free.
    const QString taken = scheduled(QStringLiteral("Monday"), in(Berlin, 2031, 3, 24, 18, 30));
    show(Berlin, QDate(2031, 3, 24), CalendarGrid::Mode::Week);
    CalendarGrid *grid = m_page->grid();
    QTRY_VERIFY_WITH_TIMEOUT(!grid->chipRect(taken).isEmpty(), TimeoutMs);
    QSignalSpy compose(m_page.get(), &CalendarPage::composeRequested);
    // Tuesday 18:30 is a free slot: double-clicking it composes for exactly that time and zone.
    const QPoint tuesday = grid->pointFor(QDate(2031, 3, 25), QTime(18, 30)) + QPoint(0, 4);
    QTest::mouseDClick(grid, Qt::LeftButton, {}, tuesday);
    QCOMPARE(compose.count(), 1);
    QCOMPARE(compose.at(0).at(0).toDateTime(), utc(2031, 3, 25, 17, 30));
    QCOMPARE(compose.at(0).at(1).toString(), Berlin);
}

void TestCalendarPage::doubleClickAsksToComposeForThatTime() {
    show(Berlin, QDate(2031, 3, 24), CalendarGrid::Mode::Week);
    QSignalSpy compose(m_page.get(), &CalendarPage::composeRequested);
    QTest::mouseDClick(m_page->grid(), Qt::LeftButton, {},
                       m_page->grid()->pointFor(QDate(2031, 3, 27), QTime(14, 15)) + QPoint(0, 3));
    QCOMPARE(compose.count(), 1);
    QCOMPARE(compose.at(0).at(0).toDateTime(), utc(2031, 3, 27, 13, 15));
    // Month: noon on the day.
    m_page->findChild<QAbstractButton *>(QStringLiteral("monthViewButton"))->click();
    QTest::mouseDClick(m_page->grid(), Qt::LeftButton, {}, m_page->grid()->pointFor(QDate(2031, 4, 2)));
    QCOMPARE(compose.count(), 2);
    QCOMPARE(compose.at(1).at(0).toDateTime(), utc(2031, 4, 2, 10, 0));
}

void TestCalendarPage::keysAndButtonsMoveTheDays() {
    show(Berlin, QDate(2031, 3, 12));
    CalendarGrid *grid = m_page->grid();
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentDate(), QDate(2031, 3, 13));
    QTest::keyClick(grid, Qt::Key_Down);
    QCOMPARE(grid->currentDate(), QDate(2031, 3, 20));
    QTest::keyClick(grid, Qt::Key_PageDown);
    QCOMPARE(grid->currentDate(), QDate(2031, 4, 20));
    QTest::keyClick(grid, Qt::Key_Home);
    QCOMPARE(grid->currentDate(), QDate(2031, 3, 12));
    m_page->findChild<QAbstractButton *>(QStringLiteral("nextPeriodButton"))->click();
    QCOMPARE(grid->currentDate().month(), 4);
    m_page->findChild<QAbstractButton *>(QStringLiteral("todayButton"))->click();
    QCOMPARE(grid->currentDate(), QDate(2031, 3, 12));
    for (const char *name : {"monthViewButton", "weekViewButton", "previousPeriodButton", "todayButton",
                             "nextPeriodButton", "calendarUndoButton"}) {
        auto *button = m_page->findChild<QAbstractButton *>(QLatin1StringView(name));
        QVERIFY2(button && !button->accessibleName().isEmpty(), name);
    }
    QVERIFY(!m_page->findChild<QComboBox *>(QStringLiteral("calendarZoneCombo"))->accessibleName().isEmpty());
}

void TestCalendarPage::composerAddsToTheQueue() {
    const MediaProber prober;
    ComposerPage composer(m_harness->backend(), prober);
    composer.show();
    auto *queue = composer.findChild<QRadioButton *>(QStringLiteral("addToQueueRadio"));
    QVERIFY(queue);
    auto *when = composer.findChild<WhenPicker *>(QStringLiteral("whenPicker"));
    // No posting times yet: the picker says so, and nothing can be stored.
    queue->click();
    QTRY_VERIFY_WITH_TIMEOUT(when->queueBlocker().contains(u"no free posting time"), TimeoutMs);
    QVERIFY(!when->scheduledFor());
    // With posting times, the next free one (a posting time a post holds is skipped).
    QVERIFY(PostingTimesRepository(m_harness->seed().database())
                .set(QStringLiteral("acct-1"), *PostingTimes::parse(QStringLiteral("daily 18:30"), Berlin)));
    const QDate tomorrow = QDate::currentDate().addDays(1);
    QVERIFY(m_harness->submitted(QStringLiteral("Taken"),
                                 QDateTime(tomorrow, QTime(18, 30), QTimeZone(Berlin.toUtf8()))));
    when->findChild<QRadioButton *>(QStringLiteral("asapRadio"))->click();
    queue->click();
    QTRY_VERIFY_WITH_TIMEOUT(when->scheduledFor().has_value(), TimeoutMs);
    QCOMPARE(when->queueBlocker(), QString());
    const QDateTime slot = *when->scheduledFor();
    QCOMPARE(slot.timeZone().id(), Berlin.toUtf8());
    QCOMPARE(slot.time(), QTime(18, 30));
    QVERIFY(slot.date() != tomorrow);
}

void TestCalendarPage::screenshots() {
    BackendHarness::Options options;
    options.accounts = {{QStringLiteral("acct-1"), QStringLiteral("ana.makes")},
                        {QStringLiteral("acct-2"), QStringLiteral("studio.kai")}};
    start(options);
    auto times = PostingTimes::parse(QStringLiteral("mon-fri 18:30, sat 11:00"), Berlin);
    QVERIFY(PostingTimesRepository(m_harness->seed().database()).set(QStringLiteral("acct-2"), *times));
    const QDate first(2031, 3, 3);
    const QStringList captions{QStringLiteral("Studio tour"), QStringLiteral("Behind the scenes"),
                               QStringLiteral("Q&A answers"), QStringLiteral("New drop teaser"),
                               QStringLiteral("Tutorial part 2")};
    for (int day = 0; day < 26; day += 1) {
        const int count = 1 + day % 3;
        for (int i = 0; i < count; ++i) {
            const QString account = i % 2 == 0 ? QStringLiteral("acct-1") : QStringLiteral("acct-2");
            auto made = m_harness->submitted(captions.at((day + i) % captions.size()),
                                             in(Berlin, first.addDays(day).year(), first.addDays(day).month(),
                                                first.addDays(day).day(), 9 + i * 4, i * 15),
                                             account);
            QVERIFY(made);
            if (day % 7 == 2 && i == 0) {
                QVERIFY(m_harness->seed().posts().cancel(made->id));
            }
        }
    }
    QVERIFY(m_harness->draft(QStringLiteral("Draft idea"), in(Berlin, 2031, 3, 18, 15, 0)));
    show(Berlin, QDate(2031, 3, 12));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->grid()->entries().size() > 40, TimeoutMs);
    m_page->grab(); // asks for the thumbnails
    QTRY_COMPARE_WITH_TIMEOUT(StoredThumbnails::of(m_harness->backend()).pending(), 0, TimeoutMs);
    QTest::qWait(100);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("calendar-month.png"))));
    m_page->findChild<QAbstractButton *>(QStringLiteral("weekViewButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), TimeoutMs);
    QTest::qWait(100);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("calendar-week.png"))));
    // The same month in a dark palette: chips mix their colours from it, every word stays readable.
    const QPalette dark = cq::test::darkPalette();
    m_page->setPalette(dark);
    m_page->findChild<QAbstractButton *>(QStringLiteral("monthViewButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), TimeoutMs);
    QTest::qWait(100);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("calendar-month-dark.png"))));
}

QTEST_MAIN(TestCalendarPage)
#include "tst_calendarpage.moc"
