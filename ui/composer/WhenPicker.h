#pragma once

#include <QDateTime>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QRadioButton;

namespace cq::ui {

// When a post goes out: "As soon as possible", "Add to queue" (the account's next free posting time,
// which the page asks the Backend for when queueSlotWanted() is emitted), or "At" a wall-clock time in an
// IANA time zone the user picks (the workspace's default zone at first). The time is shown and read in that
// zone, so 18:30 Europe/Berlin stays 18:30 in Berlin whatever this computer's zone is; a line below says what
// that is on this computer.
class WhenPicker : public QWidget {
    Q_OBJECT

public:
    explicit WhenPicker(QWidget *parent = nullptr);

    // As soon as possible; the time field offers the next full hour in `zone`.
    void reset(const QString &zone);
    // A stored post's time (nullopt: as soon as possible), shown in its zone.
    void setSchedule(const std::optional<QDateTime> &atUtc, const QString &zone);
    // nullopt: as soon as possible. Else the chosen wall-clock time in the chosen zone.
    std::optional<QDateTime> scheduledFor() const;
    bool isAsap() const;
    bool isAddToQueue() const;
    // The posting time "Add to queue" gives the post (in the account's zone), or nullopt with why not
    // ("no posting times…"; empty while it is asked for).
    void setQueueSlot(const std::optional<QDateTime> &slot, const QString &why = {});
    // Why the post cannot be stored as chosen: "Add to queue" without a free posting time. Empty: fine.
    QString queueBlocker() const;
    QString zone() const;
    // Editing a stored post cannot take its time away: "As soon as possible" is off, saying why.
    void setAsapAllowed(bool allowed, const QString &why = {});
    // The locale's short time format without seconds ("HH:mm", "h:mm AP"): posts go out by the minute.
    static QString clockFormat();
    // A day without the year ("Tue 25 Mar"; "Di. 25. März" in German), as a QDate format.
    static QString dayFormat();
    // The first and last control in tab order, to chain the picker into its page's order.
    QWidget *firstInFocusChain() const;
    QWidget *lastInFocusChain() const;

Q_SIGNALS:
    void changed();
    // "Add to queue" was chosen: the page asks for the account's next free posting time.
    void queueSlotWanted();

private:
    void setZone(const QString &zone);
    void commitZoneText();
    void updateState();

    void updateHint();

    QRadioButton *m_asap;
    QRadioButton *m_queue;
    QRadioButton *m_at;
    QDateTimeEdit *m_time;
    QComboBox *m_zone;
    QLabel *m_hint;
    QString m_zoneId; // the last valid zone chosen
    std::optional<QDateTime> m_queueSlot;
    QString m_queueWhy;
};

} // namespace cq::ui
