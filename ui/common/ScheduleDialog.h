#pragma once

#include "post/StoredPost.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace cq::ui {

class SeverityLabel;

// Asks when a post should go out: a date and time read in an IANA time zone (the post's own by
// default), with the same moment in this computer's zone beside it. The dialog does not schedule:
// it emits scheduleRequested() and stays open until the caller accept()s it, or shows the
// caller's error inline (a time in the past, say) so the user can fix it there.
class ScheduleDialog : public QDialog {
    Q_OBJECT

public:
    ScheduleDialog(const PostSchedule &current, bool reschedule, QWidget *parent = nullptr);

    // The wall-clock time as entered (Qt::LocalTime, to be read in timeZone()).
    QDateTime localTime() const;
    QString timeZone() const;
    void setLocalTime(const QDateTime &wallClock);
    void setTimeZone(const QString &ianaId);
    void showError(const QString &message);
    // While the request is on its way: no second click.
    void setBusy(bool busy);

Q_SIGNALS:
    void scheduleRequested(const QDateTime &localTime, const QString &timeZone);

private:
    void updateLocalHint();
    void request();

    QDateTimeEdit *m_when;
    QComboBox *m_zone;
    QLabel *m_localHint;
    SeverityLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cq::ui
