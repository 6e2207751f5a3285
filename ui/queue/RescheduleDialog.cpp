#include "queue/RescheduleDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

#include <cstdlib>

namespace cq::ui {

namespace {
constexpr int LargestAmount = 999;

// "1 hour", "3 days".
QString amountText(int amount, RescheduleOffset::Unit unit) {
    const int n = std::abs(amount);
    switch (unit) {
    case RescheduleOffset::Unit::Minutes:
        return RescheduleDialog::tr("%n minute(s)", nullptr, n);
    case RescheduleOffset::Unit::Hours:
        return RescheduleDialog::tr("%n hour(s)", nullptr, n);
    case RescheduleOffset::Unit::Days:
        return RescheduleDialog::tr("%n day(s)", nullptr, n);
    }
    return QString::number(n);
}
} // namespace

QDateTime RescheduleOffset::apply(const std::optional<QDateTime> &atUtc, const QString &zoneId,
                                  const QDateTime &nowUtc) const {
    QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid()) {
        zone = QTimeZone::utc();
    }
    const QDateTime there = (atUtc ? *atUtc : nowUtc).toTimeZone(zone);
    QDateTime moved;
    switch (unit) {
    case Unit::Minutes:
        moved = there.addSecs(qint64(amount) * 60);
        break;
    case Unit::Hours:
        moved = there.addSecs(qint64(amount) * 3600);
        break;
    case Unit::Days:
        moved = there.addDays(amount);
        break;
    }
    return QDateTime(moved.date(), moved.time()); // wall-clock time, read in the post's zone
}

RescheduleDialog::RescheduleDialog(int postCount, QWidget *parent)
    : QDialog(parent)
    , m_postCount(postCount)
    , m_amount(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("rescheduleDialog"));
    setWindowTitle(tr("Reschedule Posts"));
    m_amount->setObjectName(QStringLiteral("offsetAmount"));
    m_amount->setRange(-LargestAmount, LargestAmount);
    m_amount->setValue(1);
    m_amount->setAccessibleName(tr("Move by"));
    m_unit->setObjectName(QStringLiteral("offsetUnit"));
    m_unit->addItem(tr("minutes"), int(RescheduleOffset::Unit::Minutes));
    m_unit->addItem(tr("hours"), int(RescheduleOffset::Unit::Hours));
    m_unit->addItem(tr("days"), int(RescheduleOffset::Unit::Days));
    m_unit->setCurrentIndex(1);
    m_unit->setAccessibleName(tr("Unit"));
    m_summary->setObjectName(QStringLiteral("rescheduleSummary"));
    m_summary->setWordWrap(true);
    m_summary->setMinimumWidth(fontMetrics().averageCharWidth() * 48);

    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount);
    amountRow->addWidget(m_unit);
    amountRow->addStretch(1);
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Move by:"), this);
    label->setBuddy(m_amount);
    form->addRow(label, amountRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Reschedule"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("rescheduleOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    connect(m_amount, &QSpinBox::valueChanged, this, &RescheduleDialog::updateSummary);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &RescheduleDialog::updateSummary);
    updateSummary();
}

RescheduleOffset RescheduleDialog::offset() const {
    return {m_amount->value(), RescheduleOffset::Unit(m_unit->currentData().toInt())};
}

void RescheduleDialog::setOffset(const RescheduleOffset &offset) {
    m_amount->setValue(offset.amount);
    m_unit->setCurrentIndex(m_unit->findData(int(offset.unit)));
}

void RescheduleDialog::updateSummary() {
    const int amount = m_amount->value();
    const QString by = amountText(amount, offset().unit);
    const QString move = amount == 0  ? tr("%n post(s) stay where they are.", nullptr, m_postCount)
                         : amount > 0 ? tr("Moves %n post(s) %1 later.", nullptr, m_postCount).arg(by)
                                      : tr("Moves %n post(s) %1 earlier.", nullptr, m_postCount).arg(by);
    m_summary->setText(move + u' '
                       + tr("Each post keeps its own time zone; one to go as soon as possible is "
                            "moved from now."));
    m_amount->setAccessibleDescription(m_summary->text());
}

} // namespace cq::ui
