#pragma once

#include <QDateTime>
#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace cq::ui {

// How far to move posts: +N (or -N) minutes, hours or days.
struct RescheduleOffset {
    enum class Unit { Minutes, Hours, Days };
    int amount = 1;
    Unit unit = Unit::Hours;

    // The new wall-clock time of a post now at `atUtc` (none: as soon as possible, counted from
    // `nowUtc`), to be read in its zone `zoneId`. Days keep the wall-clock time across a change to
    // or from daylight saving time; minutes and hours move by elapsed time.
    QDateTime apply(const std::optional<QDateTime> &atUtc, const QString &zoneId,
                    const QDateTime &nowUtc) const;
};

// Asks how far to move the selected posts, each in its own time zone.
class RescheduleDialog : public QDialog {
    Q_OBJECT

public:
    RescheduleDialog(int postCount, QWidget *parent = nullptr);

    RescheduleOffset offset() const;
    void setOffset(const RescheduleOffset &offset);

private:
    void updateSummary();

    int m_postCount;
    QSpinBox *m_amount;
    QComboBox *m_unit;
    QLabel *m_summary;
};

} // namespace cq::ui
