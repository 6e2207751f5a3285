#include "common/CommentDialog.h"

#include "common/SeverityLabel.h"

#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace cq::ui {

CommentDialog::CommentDialog(const QString &title, const QString &prompt, const QString &submitText,
                             QWidget *parent)
    : QDialog(parent)
    , m_comment(new QPlainTextEdit(this))
    , m_error(new SeverityLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("commentDialog"));
    setWindowTitle(title);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    label->setBuddy(m_comment);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setAccessibleName(prompt);
    m_comment->setTabChangesFocus(true);
    const QFontMetrics metrics(font());
    m_comment->setMinimumSize(metrics.averageCharWidth() * 50, metrics.lineSpacing() * 5);
    m_error->setObjectName(QStringLiteral("commentError"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(submitText);
    ok->setObjectName(QStringLiteral("submitCommentButton"));
    ok->setToolTip(
        tr("%1 (%2)").arg(QString(submitText).remove(u'&'),
                          QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_comment);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &CommentDialog::submit);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CommentDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CommentDialog::comment() const {
    return m_comment->toPlainText().trimmed();
}

void CommentDialog::setComment(const QString &text) {
    m_comment->setPlainText(text);
}

void CommentDialog::showError(const QString &message) {
    m_error->showError(message);
    setBusy(false);
    if (!message.isEmpty()) {
        m_comment->setFocus();
    }
}

void CommentDialog::setBusy(bool busy) {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void CommentDialog::submit() {
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled()) {
        return;
    }
    showError(QString());
    setBusy(true);
    Q_EMIT commentSubmitted(comment());
}

} // namespace cq::ui
