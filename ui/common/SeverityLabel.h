#pragma once

#include <QWidget>

class QLabel;

namespace cq::ui {

// One line of text where the problem is (not a pop-up), with the style's error, warning or
// information icon for its severity: a refusal under the button that caused it, a validation
// finding. The text is selectable, so it can be copied into a support ticket; the icon and the
// accessible name ("Error: …") say the severity, not colour. Hidden while empty.
class SeverityLabel : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information };

    explicit SeverityLabel(QWidget *parent = nullptr);

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
