#include "composer/WhenPicker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QTimeZone>

namespace cq::ui {

namespace {
// The time field holds a bare wall-clock time: in UTC, which has no daylight-saving gaps of its own.
QDateTime wallClock(const QDateTime &inZone) {
    return QDateTime(inZone.date(), inZone.time(), QTimeZone::utc());
}

QStringList zoneIds() {
    QStringList ids;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        ids << QString::fromUtf8(id);
    }
    ids.sort();
    return ids;
}
} // namespace

WhenPicker::WhenPicker(QWidget *parent)
    : QWidget(parent)
    , m_asap(new QRadioButton(tr("As soon as &possible"), this))
    , m_queue(new QRadioButton(tr("Add to &queue"), this))
    , m_at(new QRadioButton(tr("&At"), this))
    , m_time(new QDateTimeEdit(this))
    , m_zone(new QComboBox(this))
    , m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("whenPicker"));
    m_asap->setObjectName(QStringLiteral("asapRadio"));
    m_at->setObjectName(QStringLiteral("atRadio"));
    m_queue->setObjectName(QStringLiteral("addToQueueRadio"));
    m_queue->setToolTip(tr("The account's next posting time no other post holds"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_asap);
    group->addButton(m_queue);
    group->addButton(m_at);
    m_asap->setChecked(true);

    m_time->setObjectName(QStringLiteral("scheduleTimeEdit"));
    m_time->setAccessibleName(tr("Date and time"));
    m_time->setCalendarPopup(true);
    m_time->setTimeSpec(Qt::UTC);
    m_time->setDisplayFormat(tr("ddd d MMM yyyy", "QDateTimeEdit date format, before the clock") + u"  "
                             + clockFormat());

    m_zone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setToolTip(tr("The time zone the time is read in (an IANA name such as Europe/Berlin)"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItems(zoneIds());
    m_zone->setMaxVisibleItems(15);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->setMinimumContentsLength(16);
    m_zone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_hint->setObjectName(QStringLiteral("scheduleHint"));
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false); // quiet text, like the field it explains

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_asap, 0, 0, 1, 3);
    layout->addWidget(m_queue, 1, 0, 1, 3);
    layout->addWidget(m_at, 2, 0);
    layout->addWidget(m_time, 2, 1);
    layout->addWidget(m_zone, 2, 2);
    layout->addWidget(m_hint, 3, 1, 1, 2);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(2, 2);
    setTabOrder(m_asap, m_queue);
    setTabOrder(m_queue, m_at);
    setTabOrder(m_at, m_time);
    setTabOrder(m_time, m_zone);

    connect(m_asap, &QRadioButton::toggled, this, &WhenPicker::updateState);
    connect(m_queue, &QRadioButton::toggled, this, [this](bool on) {
        if (on) {
            m_queueSlot.reset();
            m_queueWhy.clear();
            Q_EMIT queueSlotWanted();
        }
        updateState();
    });
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, &WhenPicker::updateState);
    connect(m_zone, &QComboBox::currentIndexChanged, this, &WhenPicker::commitZoneText);
    connect(m_zone->lineEdit(), &QLineEdit::editingFinished, this, &WhenPicker::commitZoneText);
    reset(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
}

void WhenPicker::reset(const QString &zone) {
    setZone(zone);
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(m_zoneId.toUtf8()));
    const QDateTime nextHour(now.date(), QTime(now.time().hour(), 0), now.timeZone());
    {
        const QSignalBlocker blocker(m_time);
        m_time->setDateTime(wallClock(nextHour.addSecs(3600)));
    }
    m_asap->setChecked(true);
    setAsapAllowed(true);
    updateState();
}

void WhenPicker::setSchedule(const std::optional<QDateTime> &atUtc, const QString &zone) {
    setZone(zone);
    if (atUtc) {
        const QSignalBlocker blocker(m_time);
        m_time->setDateTime(wallClock(atUtc->toTimeZone(QTimeZone(m_zoneId.toUtf8()))));
        m_at->setChecked(true);
    } else {
        m_asap->setChecked(true);
    }
    updateState();
}

std::optional<QDateTime> WhenPicker::scheduledFor() const {
    if (m_asap->isChecked()) {
        return std::nullopt;
    }
    if (m_queue->isChecked()) {
        return m_queueSlot; // queueBlocker() says when there is none
    }
    const QDateTime wall = m_time->dateTime();
    return QDateTime(wall.date(), wall.time(), QTimeZone(m_zoneId.toUtf8()));
}

bool WhenPicker::isAsap() const {
    return m_asap->isChecked();
}

bool WhenPicker::isAddToQueue() const {
    return m_queue->isChecked();
}

void WhenPicker::setQueueSlot(const std::optional<QDateTime> &slot, const QString &why) {
    m_queueSlot = slot;
    m_queueWhy = why;
    updateState();
}

QString WhenPicker::queueBlocker() const {
    if (!m_queue->isChecked() || m_queueSlot) {
        return {};
    }
    return m_queueWhy.isEmpty() ? tr("Finding the account's next free posting time…") : m_queueWhy;
}

QString WhenPicker::zone() const {
    return m_zoneId;
}

void WhenPicker::setAsapAllowed(bool allowed, const QString &why) {
    m_asap->setEnabled(allowed);
    m_asap->setToolTip(allowed ? QString() : why);
    if (!allowed && m_asap->isChecked()) {
        m_at->setChecked(true);
    }
}

QString WhenPicker::clockFormat() {
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return format;
}

QWidget *WhenPicker::firstInFocusChain() const {
    return m_asap;
}

QWidget *WhenPicker::lastInFocusChain() const {
    return m_zone;
}

void WhenPicker::setZone(const QString &zone) {
    const QString valid = QTimeZone(zone.toUtf8()).isValid() ? zone : QStringLiteral("UTC");
    if (m_zone->findText(valid) < 0) {
        m_zone->addItem(valid); // an alias the list lacks ("UTC" on some systems)
    }
    m_zoneId = valid;
    const QSignalBlocker blocker(m_zone);
    m_zone->setCurrentIndex(m_zone->findText(valid));
}

void WhenPicker::commitZoneText() {
    const QString typed = m_zone->currentText().trimmed();
    if (typed == m_zoneId) {
        return;
    }
    if (QTimeZone(typed.toUtf8()).isValid()) {
        setZone(typed);
    } else {
        setZone(m_zoneId); // not a zone: back to the last one
    }
    updateState();
}

void WhenPicker::updateState() {
    const bool at = m_at->isChecked();
    m_time->setEnabled(at);
    m_zone->setEnabled(at);
    m_hint->setVisible(at || m_queue->isChecked());
    updateHint();
    Q_EMIT changed();
}

// A day of the coming weeks, without the year ("Tue 25 Mar"), in the language's order.
QString WhenPicker::dayFormat() {
    return tr("ddd d MMM", "QDate format of a day without the year");
}

void WhenPicker::updateHint() {
    if (m_queue->isChecked()) {
        m_hint->setText(m_queueSlot
                            ? tr("The next free posting time: %1 %2.")
                                  .arg(QLocale().toString(*m_queueSlot, dayFormat() + u' ' + clockFormat()),
                                       QString::fromUtf8(m_queueSlot->timeZone().id()))
                            : queueBlocker());
        return;
    }
    if (m_at->isChecked()) {
        const QDateTime when = *scheduledFor();
        const QTimeZone here = QTimeZone::systemTimeZone();
        const QLocale locale;
        if (!when.isValid()) {
            m_hint->setText(
                tr("That time does not exist in %1 (the clocks change); pick another.").arg(m_zoneId));
        } else if (here.offsetFromUtc(when) == when.offsetFromUtc()) {
            m_hint->setText(tr("%1, the same as on this computer.").arg(when.timeZoneAbbreviation()));
        } else {
            const QDateTime local = when.toTimeZone(here);
            m_hint->setText(tr("That is %1 on this computer.")
                                .arg(locale.toString(local, dayFormat() + u' ' + clockFormat())));
        }
    }
}

} // namespace cq::ui
