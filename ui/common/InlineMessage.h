#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace cq::ui {

// A message inside a page, above what it is about: what went wrong (or what happened) in words,
// with an optional action ("Try again") and a close button. Screen readers hear it as an alert.
class InlineMessage : public QFrame {
    Q_OBJECT

public:
    enum class Kind { Information, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    // Shows `text`; `actionText` names a button that emits actionTriggered() (none when empty).
    void showMessage(const QString &text, Kind kind, const QString &actionText = {});
    QString text() const;
    Kind kind() const { return m_kind; }

Q_SIGNALS:
    void actionTriggered();
    // The user closed the message.
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
};

} // namespace cq::ui
