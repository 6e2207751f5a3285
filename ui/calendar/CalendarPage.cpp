#include "calendar/CalendarPage.h"

#include "bulk/BulkImportDialog.h"
#include "calendar/CalendarGrid.h"
#include "calendar/MoveCommand.h"
#include "common/InlineMessage.h"
#include "common/StoredThumbnails.h"
#include "queue/QueueFilterBar.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
QToolButton *toolButton(const QString &text, const QString &objectName, const QString &tip, QWidget *parent) {
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(objectName);
    button->setAccessibleName(QString(text).remove(u'&'));
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}
} // namespace

CalendarPage::CalendarPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_filter(new QueueFilterBar(backend, this))
    , m_grid(new CalendarGrid)
    , m_message(new InlineMessage(this))
    , m_period(new QLabel(this))
    , m_zone(new QComboBox(this))
    , m_modes(new QButtonGroup(this))
    , m_undo(new QUndoStack(this)) {
    setObjectName(QStringLiteral("calendarPage"));
    setAccessibleName(tr("Calendar"));
    m_message->setObjectName(QStringLiteral("calendarMessage"));
    m_message->hide();
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("calendarScroll"));
    m_scroll->setAccessibleName(tr("Calendar days"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_grid);
    // The week view's day names stay put while the hours scroll: the grid repaints them.
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, m_grid, qOverload<>(&QWidget::update));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_filter);
    layout->addWidget(m_message);
    layout->addWidget(m_scroll, 1);

    m_grid->setThumbnailSource(
        [this](const StoredMedia &media) { return StoredThumbnails::of(m_backend).thumbnail(media); });
    connect(&StoredThumbnails::of(m_backend), &StoredThumbnails::thumbnailReady, m_grid,
            &CalendarGrid::forgetThumbnail);
    connect(m_grid, &CalendarGrid::currentDateChanged, this, [this] {
        showPeriod();
        if (m_grid->firstVisibleDay() != m_loadedFirstDay) {
            reload(); // other days are shown
        }
    });
    connect(m_grid, &CalendarGrid::moveRequested, this,
            [this](const QString &id, const QDateTime &newUtc) { movePost(id, newUtc, true); });
    connect(m_grid, &CalendarGrid::moveRefused, this, &CalendarPage::onMoveRefused);
    connect(m_grid, &CalendarGrid::openRequested, this, &CalendarPage::editRequested);
    connect(m_grid, &CalendarGrid::composeRequested, this, &CalendarPage::composeRequested);
    connect(m_filter, &QueueFilterBar::filterChanged, this, &CalendarPage::reload);
    connect(&m_backend, &Backend::postChanged, this, &CalendarPage::onPostChanged);
    connect(&m_backend, &Backend::postRemoved, this, &CalendarPage::onPostRemoved);
    connect(&m_backend, &Backend::postingTimesChanged, this, [this] { m_slotDelay.start(); });
    connect(&m_backend, &Backend::accountsChanged, this, &CalendarPage::publishEntries);
    connect(&m_backend, &Backend::ready, this, [this] {
        setViewZone(m_backend.workspace().defaultTimeZone);
        reload();
    });
    m_slotDelay.setSingleShot(true);
    m_slotDelay.setInterval(200);
    connect(&m_slotDelay, &QTimer::timeout, this, [this] { loadSlots(m_request); });
    setTabOrder(m_zone, m_filter);
    setTabOrder(m_filter, m_grid);
    showPeriod();
    if (m_backend.isReady()) {
        setViewZone(m_backend.workspace().defaultTimeZone);
        reload();
    }
}

QWidget *CalendarPage::buildToolbar() {
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    QToolButton *month = toolButton(tr("&Month"), QStringLiteral("monthViewButton"), tr("Show a month"), bar);
    QToolButton *week =
        toolButton(tr("&Week"), QStringLiteral("weekViewButton"), tr("Show a week, hour by hour"), bar);
    for (QToolButton *mode : {month, week}) {
        mode->setCheckable(true);
        m_modes->addButton(mode);
        layout->addWidget(mode);
    }
    month->setChecked(true);
    connect(month, &QToolButton::toggled, this, [this](bool on) {
        m_grid->setMode(on ? CalendarGrid::Mode::Month : CalendarGrid::Mode::Week);
        showPeriod();
        reload();
        if (!on) {
            // The working day first: the night hours are there by scrolling up.
            QTimer::singleShot(0, this, [this] {
                const CalendarGeometry geometry = m_grid->geometryNow();
                m_scroll->verticalScrollBar()->setValue(geometry.yOf(QTime(7, 0)) - geometry.headerHeight());
            });
        }
    });
    layout->addSpacing(fontMetrics().height());
    QToolButton *previous = toolButton(tr("Previous"), QStringLiteral("previousPeriodButton"),
                                       tr("The month or week before (Page Up)"), bar);
    previous->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    previous->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QToolButton *today =
        toolButton(tr("&Today"), QStringLiteral("todayButton"), tr("Back to today (Home)"), bar);
    QToolButton *next = toolButton(tr("Next"), QStringLiteral("nextPeriodButton"),
                                   tr("The month or week after (Page Down)"), bar);
    next->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    next->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(previous, &QToolButton::clicked, this, [this] { step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { step(1); });
    connect(today, &QToolButton::clicked, this, [this] { m_grid->setCurrentDate(m_grid->today()); });
    layout->addWidget(previous);
    layout->addWidget(today);
    layout->addWidget(next);
    m_period->setObjectName(QStringLiteral("calendarPeriod"));
    QFont bigger = m_period->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.25);
    bigger.setBold(true);
    m_period->setFont(bigger);
    layout->addWidget(m_period, 1);

    QAction *undo = m_undo->createUndoAction(this, tr("&Undo move"));
    undo->setObjectName(QStringLiteral("calendarUndoAction"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    QToolButton *undoButton = toolButton(tr("Undo"), QStringLiteral("calendarUndoButton"),
                                         tr("Move the last moved post back (Ctrl+Z)"), bar);
    undoButton->setDefaultAction(undo);
    layout->addWidget(undoButton);

    QToolButton *bulk = toolButton(tr("&Bulk Import…"), QStringLiteral("bulkImportButton"),
                                   tr("Many videos, a folder or a CSV plan at once"), bar);
    connect(bulk, &QToolButton::clicked, this, [this] {
        auto *dialog = new BulkImportDialog(m_backend, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    layout->addWidget(bulk);

    auto *zoneLabel = new QLabel(tr("Time &zone:"), bar);
    m_zone->setObjectName(QStringLiteral("calendarZoneCombo"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setToolTip(tr("The time zone days and times are shown in; each post keeps its own"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_zone->addItem(QString::fromUtf8(id));
    }
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->setMinimumContentsLength(16);
    zoneLabel->setBuddy(m_zone);
    connect(m_zone, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const QTimeZone zone(text.toUtf8());
        if (zone.isValid() && zone != m_grid->viewZone()) {
            m_grid->setViewZone(zone);
            reload();
        }
    });
    layout->addWidget(zoneLabel);
    layout->addWidget(m_zone);
    return bar;
}

void CalendarPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale) {
        reload();
    }
}

void CalendarPage::setViewZone(const QString &zone) {
    const QTimeZone valid(zone.toUtf8());
    if (!valid.isValid()) {
        return;
    }
    if (m_zone->findText(zone) < 0) {
        m_zone->addItem(zone);
    }
    m_zone->setCurrentText(zone);
    m_grid->setViewZone(valid);
}

QString CalendarPage::viewZone() const {
    return QString::fromUtf8(m_grid->viewZone().id());
}

void CalendarPage::step(int direction) {
    const QDate current = m_grid->currentDate();
    m_grid->setCurrentDate(m_grid->mode() == CalendarGrid::Mode::Month ? current.addMonths(direction)
                                                                       : current.addDays(7 * direction));
}

void CalendarPage::showPeriod() {
    const QLocale locale;
    const QDate first = m_grid->firstVisibleDay();
    const QString text =
        m_grid->mode() == CalendarGrid::Mode::Month
            ? locale.toString(m_grid->currentDate(), tr("MMMM yyyy", "QDate format: the month shown"))
            : tr("%1 – %2").arg(
                locale.toString(first, tr("d MMM", "QDate format: a week's first day")),
                locale.toString(first.addDays(6), tr("d MMM yyyy", "QDate format: a week's last day")));
    m_period->setText(text);
    m_period->setAccessibleName(tr("Shown: %1").arg(text));
}

} // namespace cq::ui
