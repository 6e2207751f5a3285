#pragma once

#include <QWidget>

class QLabel;

namespace cq::ui {

// A message in the page where the problem is (not a pop-up): the style's error, warning or
// information icon beside selectable text, so that it reads in any theme and can be copied into
// a support ticket. Hidden while empty.
class InlineMessage : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information };

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void showError(const QString &text) { showMessage(Kind::Error, text); }
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    Kind m_kind = Kind::Error;
};

} // namespace cq::ui
