#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cq::ui {

// The actions at the right end of one media row of the composer: "Fix" when a conversion would
// clear the item's findings (its tooltip and accessible description say what the conversion does),
// and while the item converts, its progress in words and as a bar, with "Cancel".
class MediaRowActions : public QWidget {
    Q_OBJECT

public:
    explicit MediaRowActions(QWidget *parent = nullptr);

    // `fix`: what converting would do (empty: nothing); `progress`: the running conversion's, 0 to 1.
    void showState(const QString &itemName, const QString &fix, std::optional<double> progress);
    QPushButton *fixButton() const { return m_fix; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }

    // The width every row keeps free for these actions.
    static int widthPx(const QFontMetrics &metrics);

Q_SIGNALS:
    void fixClicked();
    void cancelClicked();

private:
    QPushButton *m_fix;
    QLabel *m_converting;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace cq::ui
