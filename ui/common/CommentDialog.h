#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace cq::ui {

class SeverityLabel;

// Asks for a comment (what should change, why a post is cancelled). It does not act: it emits
// commentSubmitted() and stays open until the caller accept()s it, or shows the caller's error
// inline ("a comment is required") so the user can fix it there.
class CommentDialog : public QDialog {
    Q_OBJECT

public:
    CommentDialog(const QString &title, const QString &prompt, const QString &submitText,
                  QWidget *parent = nullptr);

    QString comment() const;
    void setComment(const QString &text);
    void showError(const QString &message);
    void setBusy(bool busy);

Q_SIGNALS:
    void commentSubmitted(const QString &comment);

private:
    void submit();

    QPlainTextEdit *m_comment;
    SeverityLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cq::ui
