#pragma once

// Help → About: the product name, the version (core/Version.h, from the top-level
// project(VERSION), the same number --version and every package show) and the Qt version in use.

#include <QString>

class QMessageBox;
class QWidget;

namespace pluresdb::ui {

// The About box's text (rich text), in the current language.
QString aboutText();

// A non-modal About box, deleted when closed; MainWindow opens it, --screenshot --view about grabs it.
QMessageBox* makeAboutBox(QWidget* parent);

}  // namespace pluresdb::ui
