#include "common/ScheduleDialog.h"

#include "common/SeverityLabel.h"
#include "common/TimeText.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
// Where the dialog starts: the post's time when it is still ahead, else the next full quarter
// hour an hour from now, in the post's zone.
QDateTime startingWallClock(const PostSchedule &current, const QTimeZone &zone) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime start = current.atUtc && *current.atUtc > now ? *current.atUtc : now.addSecs(3600);
    start = start.toTimeZone(zone);
    const int minutes = start.time().minute();
    start = start.addSecs(((15 - minutes % 15) % 15) * 60 - start.time().second());
    return QDateTime(start.date(), QTime(start.time().hour(), start.time().minute()));
}

QComboBox *makeZoneBox(QWidget *parent) {
    auto *box = new QComboBox(parent);
    box->setEditable(true); // type "berl" to find Europe/Berlin among 600 zones
    box->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        box->addItem(QString::fromUtf8(id));
    }
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    return box;
}
} // namespace

ScheduleDialog::ScheduleDialog(const PostSchedule &current, bool reschedule, QWidget *parent)
    : QDialog(parent)
    , m_when(new QDateTimeEdit(this))
    , m_zone(makeZoneBox(this))
    , m_localHint(new QLabel(this))
    , m_error(new SeverityLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(reschedule ? tr("Reschedule post") : tr("Schedule post"));
    m_when->setObjectName(QStringLiteral("scheduleDateTimeEdit"));
    m_when->setCalendarPopup(true);
    m_when->setTimeSpec(Qt::UTC); // a wall clock: no gaps of this computer's daylight-saving changes
    m_zone->setObjectName(QStringLiteral("scheduleTimeZoneCombo"));
    m_localHint->setObjectName(QStringLiteral("scheduleLocalHint"));
    m_localHint->setForegroundRole(QPalette::PlaceholderText);
    m_error->setObjectName(QStringLiteral("scheduleError"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(reschedule ? tr("&Reschedule") : tr("&Schedule"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("scheduleOkButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Date and time:"), m_when);
    form->addRow(tr("Time &zone:"), m_zone);
    form->addRow(QString(), m_localHint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    const QString zone =
        QTimeZone(current.timeZone.toUtf8()).isValid() ? current.timeZone : QStringLiteral("UTC");
    setTimeZone(zone);
    setLocalTime(startingWallClock(current, QTimeZone(zone.toUtf8())));
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &ScheduleDialog::updateLocalHint);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ScheduleDialog::updateLocalHint);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScheduleDialog::request);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateLocalHint();
}

QDateTime ScheduleDialog::localTime() const {
    const QDateTime entered = m_when->dateTime();
    return QDateTime(entered.date(), entered.time());
}

QString ScheduleDialog::timeZone() const {
    return m_zone->currentText().trimmed();
}

void ScheduleDialog::setLocalTime(const QDateTime &wallClock) {
    m_when->setDateTime(QDateTime(wallClock.date(), wallClock.time(), Qt::UTC));
}

void ScheduleDialog::setTimeZone(const QString &ianaId) {
    const int index = m_zone->findText(ianaId);
    if (index >= 0) {
        m_zone->setCurrentIndex(index);
    } else {
        m_zone->setEditText(ianaId);
    }
}

void ScheduleDialog::showError(const QString &message) {
    m_error->showError(message);
    setBusy(false);
}

void ScheduleDialog::setBusy(bool busy) {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void ScheduleDialog::updateLocalHint() {
    const QTimeZone zone(timeZone().toUtf8());
    if (!zone.isValid()) {
        m_localHint->setText(tr("Choose a time zone from the list."));
        return;
    }
    const QDateTime wallClock = localTime();
    PostSchedule schedule{QDateTime(wallClock.date(), wallClock.time(), zone).toUTC(), timeZone()};
    m_localHint->setText(tr("Goes out %1").arg(scheduleLabel(schedule)));
}

void ScheduleDialog::request() {
    showError(QString());
    setBusy(true);
    Q_EMIT scheduleRequested(localTime(), timeZone());
}

} // namespace cq::ui
