<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../ui/dialogs/AboutBox.cpp" line="+15"/>
        <source>Local-first data that syncs peer to peer, with no server, over Hyperswarm.</source>
        <translation>Datos locales que se sincronizan entre pares, sin servidor, a través de Hyperswarm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Built with Qt %1; running on Qt %2.</source>
        <translation>Compilado con Qt %1; se ejecuta con Qt %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="+51"/>
        <source>PluresDB: local-first data that syncs peer to peer.</source>
        <translation>PluresDB: datos locales que se sincronizan de igual a igual.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data directory (spaces and their databases).</source>
        <translation>La carpeta de datos (los espacios y sus bases de datos).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this one database directory, without spaces.</source>
        <translation>Abrir solo esta carpeta de base de datos, sin espacios.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render the main window to a PNG file and exit.</source>
        <translation>Guardar la ventana principal en un archivo PNG y salir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What --screenshot renders: main, share (the current space&apos;s share dialog), join (the join dialog, with the link if one is given), history (the first record&apos;s history), settings or about.</source>
        <translation>Qué muestra --screenshot: main, share (el diálogo para compartir el espacio actual), join (el diálogo para unirse, con el enlace si se indica uno), history (el historial del primer registro), settings o about.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A pluresdb:// invite link to join.</source>
        <translation>Un enlace de invitación pluresdb:// para unirse a un espacio.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database: %1</source>
        <translation>No se puede abrir la base de datos: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the key file needs a passphrase</source>
        <translation>el archivo de claves necesita una frase de contraseña</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::EncryptedFileVault</name>
    <message>
        <location filename="../core/keys/EncryptedFileVault.cpp" line="+63"/>
        <source>libsodium failed to initialise.</source>
        <translation>No se pudo inicializar libsodium.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>La frase de contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Not enough memory to derive the key from the passphrase.</source>
        <translation>No hay memoria suficiente para derivar la clave de la frase de contraseña.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot read the key file %1: %2</source>
        <translation>No se puede leer el archivo de claves %1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The passphrase is wrong, or the key file is damaged.</source>
        <translation>La frase de contraseña es incorrecta o el archivo de claves está dañado.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The key file cannot hold this entry.</source>
        <translation>El archivo de claves no puede contener esta entrada.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+6"/>
        <source>Cannot write the key file %1: %2</source>
        <translation>No se puede escribir el archivo de claves %1: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Invite</name>
    <message>
        <location filename="../core/keys/Invite.cpp" line="+128"/>
        <source>This pluresdb:// link is not an invite (it does not start with pluresdb://join).</source>
        <translation>Este enlace pluresdb:// no es una invitación (no empieza por pluresdb://join).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The invite link stops before the key: it looks cut off.</source>
        <translation>El enlace de invitación termina antes de la clave: parece cortado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (expected &apos;?&apos; after pluresdb://join).</source>
        <translation>El enlace de invitación está mal formado (se esperaba «?» después de pluresdb://join).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The invite link is malformed (too many parameters).</source>
        <translation>El enlace de invitación está mal formado (demasiados parámetros).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The invite link is malformed (parameter &apos;%1&apos; appears twice).</source>
        <translation>El enlace de invitación está mal formado (el parámetro «%1» aparece dos veces).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (bad percent-encoding in &apos;%1&apos;).</source>
        <translation>El enlace de invitación está mal formado (codificación porcentual incorrecta en «%1»).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This invite was made by a newer version of PluresDB (invite version %1). Please update the app.</source>
        <translation>Esta invitación se creó con una versión más reciente de PluresDB (versión de invitación %1). Actualice la aplicación.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link has no key: it looks cut off.</source>
        <translation>El enlace de invitación no tiene clave: parece cortado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key in the invite is wrong. %1</source>
        <translation>La clave de la invitación no es válida. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the space name is longer than %1 characters).</source>
        <translation>El enlace de invitación está mal formado (el nombre del espacio tiene más de %1 caracteres).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (the space name has control characters).</source>
        <translation>El enlace de invitación está mal formado (el nombre del espacio contiene caracteres de control).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link has no checksum: it looks cut off.</source>
        <translation>El enlace de invitación no tiene suma de comprobación: parece cortado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the checksum is not hexadecimal).</source>
        <translation>El enlace de invitación está mal formado (la suma de comprobación no es hexadecimal).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum is too short: the link looks cut off.</source>
        <translation>La suma de comprobación de la invitación es demasiado corta: el enlace parece cortado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (the checksum is too long).</source>
        <translation>El enlace de invitación está mal formado (la suma de comprobación es demasiado larga).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum does not match its key and space name: a character was changed or mistyped. Ask for the invite again, or copy it instead of typing it.</source>
        <translation>La suma de comprobación de la invitación no coincide con su clave y el nombre del espacio: se ha cambiado o tecleado mal un carácter. Vuelva a pedir la invitación o cópiela en lugar de teclearla.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>You are invited to the PluresDB space &quot;%1&quot;. Open this link in PluresDB, or paste this whole message into Join space:
%2</source>
        <translation>Ha recibido una invitación al espacio de PluresDB «%1». Abra este enlace en PluresDB o pegue este mensaje completo en Unirse a un espacio:
%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The text is too long to be an invite (more than %1 characters).</source>
        <translation>El texto es demasiado largo para ser una invitación (más de %1 caracteres).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste an invite link or a sync key.</source>
        <translation>Pegue un enlace de invitación o una clave de sincronización.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is a link, but not a PluresDB invite (those start with pluresdb://).</source>
        <translation>Es un enlace, pero no una invitación de PluresDB (estas empiezan por pluresdb://).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No PluresDB invite link (pluresdb://join?...) or sync key was found in the text.</source>
        <translation>No se encontró en el texto ningún enlace de invitación de PluresDB (pluresdb://join?...) ni ninguna clave de sincronización.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::KeyStore</name>
    <message>
        <location filename="../core/keys/KeyStore.cpp" line="+43"/>
        <source>Your keys are in the encrypted key file %1, created when no system keychain was available. Enter its passphrase to unlock them.</source>
        <translation>Sus claves están en el archivo de claves cifrado %1, creado cuando no había ningún llavero del sistema disponible. Introduzca su frase de contraseña para desbloquearlas.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No system keychain could be used. %1
Your keys will be kept in an encrypted file protected by a passphrase that you choose.</source>
        <translation>No se pudo usar ningún llavero del sistema. %1
Sus claves se guardarán en un archivo cifrado, protegido por una frase de contraseña que usted elija.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The system keychain is in use; there is no key file to unlock.</source>
        <translation>Se está usando el llavero del sistema; no hay ningún archivo de claves que desbloquear.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data directory is set for the key file.</source>
        <translation>No se ha definido ninguna carpeta de datos para el archivo de claves.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the data directory %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The encrypted key file is locked: enter its passphrase first.</source>
        <translation>El archivo de claves cifrado está bloqueado: introduzca primero su frase de contraseña.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A space id must have 1 to %1 characters.</source>
        <translation>El identificador de un espacio debe tener de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The stored sync key of space %1 is damaged (%2 bytes).</source>
        <translation>La clave de sincronización guardada del espacio %1 está dañada (%2 bytes).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A device identity seed has %1 bytes, not %2.</source>
        <translation>Una semilla de identidad de dispositivo tiene %1 bytes, no %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored device identity seed is damaged.</source>
        <translation>La semilla de identidad del dispositivo guardada está dañada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>libsodium failed to initialise.</source>
        <translation>No se pudo inicializar libsodium.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Qr</name>
    <message>
        <location filename="../core/keys/QrDecoder.cpp" line="+18"/>
        <source>The picture is empty.</source>
        <translation>La imagen está vacía.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The picture is too large (%1 x %2 pixels; at most %3 on a side).</source>
        <translation>La imagen es demasiado grande (%1 × %2 píxeles; como máximo %3 por lado).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No QR code was found in the picture.</source>
        <translation>No se encontró ningún código QR en la imagen.</translation>
    </message>
    <message>
        <location filename="../core/keys/QrEncoder.cpp" line="+21"/>
        <source>Cannot make a QR code of %1 bytes.</source>
        <translation>No se puede crear un código QR de %1 bytes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>libqrencode failed (errno %1).</source>
        <translation>libqrencode falló (errno %1).</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SyncKey</name>
    <message>
        <location filename="../core/keys/SyncKey.cpp" line="+25"/>
        <source>The sync key is empty.</source>
        <translation>La clave de sincronización está vacía.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sync key has a character that is not a hex digit (0-9, a-f) at position %1.</source>
        <translation>La clave de sincronización tiene un carácter que no es un dígito hexadecimal (0-9, a-f) en la posición %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sync key has %1 characters but needs exactly %2: it looks cut off.</source>
        <translation>La clave de sincronización tiene %1 caracteres, pero necesita exactamente %2: parece cortada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sync key has %1 characters but needs exactly %2.</source>
        <translation>La clave de sincronización tiene %1 caracteres, pero necesita exactamente %2.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SystemKeychain</name>
    <message>
        <location filename="../core/keys/SystemKeychain.cpp" line="+33"/>
        <source>Access to the system keychain was denied: %1</source>
        <translation>Se denegó el acceso al llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain is not available: %1</source>
        <translation>El llavero del sistema no está disponible: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain gave an unknown error: %1</source>
        <translation>El llavero del sistema devolvió un error desconocido: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The system keychain needs a running Qt application.</source>
        <translation>El llavero del sistema necesita una aplicación Qt en ejecución.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain stopped answering earlier in this session.</source>
        <translation>El llavero del sistema dejó de responder antes en esta sesión.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The system keychain did not answer within %1 ms.</source>
        <translation>El llavero del sistema no respondió en %1 ms.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::VaultFormat</name>
    <message>
        <location filename="../core/keys/VaultFormat.cpp" line="+69"/>
        <source>The key file is too large to be ours.</source>
        <translation>El archivo de claves es demasiado grande para ser de PluresDB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is not a PluresDB key file, or it is cut short.</source>
        <translation>El archivo no es un archivo de claves de PluresDB o está incompleto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key file was written by a newer version of PluresDB (format %1).</source>
        <translation>El archivo de claves lo escribió una versión más reciente de PluresDB (formato %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file uses an unknown key derivation (%1).</source>
        <translation>El archivo de claves usa una derivación de claves desconocida (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file header is damaged.</source>
        <translation>La cabecera del archivo de claves está dañada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key file asks for key derivation costs outside the allowed range.</source>
        <translation>El archivo de claves pide costes de derivación de claves fuera del rango permitido.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The key file&apos;s contents are damaged.</source>
        <translation>El contenido del archivo de claves está dañado.</translation>
    </message>
</context>
<context>
    <name>pluresdb::spaces::SpaceList</name>
    <message>
        <location filename="../core/spaces/SpaceList.cpp" line="+48"/>
        <source>the list of spaces (%1) is damaged: %2</source>
        <translation>la lista de espacios (%1) está dañada: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is too large</source>
        <translation>es demasiado grande</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown format version</source>
        <translation>versión de formato desconocida</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no list of spaces</source>
        <translation>no hay lista de espacios</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an entry is incomplete</source>
        <translation>una entrada está incompleta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>two entries have the same id</source>
        <translation>dos entradas tienen el mismo identificador</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a space needs a name</source>
        <translation>un espacio necesita un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a space name has at most %1 characters</source>
        <translation>el nombre de un espacio tiene como máximo %1 caracteres</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sync key is not 64 lowercase hex characters</source>
        <translation>la clave de sincronización no son 64 caracteres hexadecimales en minúscula</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you are already in this space (&quot;%1&quot;)</source>
        <translation>ya está en este espacio («%1»)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>libsodium failed to initialise.</source>
        <translation>No se pudo inicializar libsodium.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <source>no such space</source>
        <translation>no existe ese espacio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot create %1</source>
        <translation>no se puede crear %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::FieldHistoryModel</name>
    <message>
        <location filename="../ui/models/FieldHistoryModel.cpp" line="+71"/>
        <source>(field deleted)</source>
        <translation>(campo eliminado)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(record deleted)</source>
        <translation>(registro eliminado)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this device)</source>
        <translation>%1 (este dispositivo)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>concurrent with %1 by %2; %3 won</source>
        <translation>concurrente con %1 de %2; ganó %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this write</source>
        <translation>esta escritura</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 by %3 and %4 by %5 were written concurrently; %4 won.</source>
        <translation>%1: %2 de %3 y %4 de %5 se escribieron a la vez; ganó %4.</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>conflict: %n concurrent write(s)</source>
        <translation>
            <numerusform>conflicto: %n escritura concurrente</numerusform>
            <numerusform>conflicto: %n escrituras concurrentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n escritura</numerusform>
            <numerusform>%n escrituras</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>clock %1</source>
        <translation>reloj %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>current</source>
        <translation>actual</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>written before history was kept: conflicts unknown</source>
        <translation>escrito antes de guardar el historial: conflictos desconocidos</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Field / value</source>
        <translation>Campo / valor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writer</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::JoinDialog</name>
    <message>
        <location filename="../ui/dialogs/JoinDialog.cpp" line="+23"/>
        <source>Join space</source>
        <translation>Unirse a un espacio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the invite you received — the whole message, a pluresdb:// link or a sync key — or open a picture of its QR code.</source>
        <translation>Pegue la invitación que ha recibido (el mensaje completo, un enlace pluresdb:// o una clave de sincronización) o abra una imagen de su código QR.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pluresdb://join?…</source>
        <translation>pluresdb://join?…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;QR picture…</source>
        <translation>&amp;Abrir imagen QR…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste QR picture</source>
        <translation>&amp;Pegar imagen QR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads a QR code from a picture on the clipboard (a screenshot, say).</source>
        <translation>Lee un código QR de una imagen del portapapeles (una captura de pantalla, por ejemplo).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A name for this space on this device</source>
        <translation>Un nombre para este espacio en este dispositivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space &amp;name:</source>
        <translation>&amp;Nombre del espacio:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Join</source>
        <translation>&amp;Unirse</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not read a QR code: %1</source>
        <translation>No se pudo leer un código QR: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Valid invite; its checksum matches.</source>
        <translation>Invitación válida; su suma de comprobación coincide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid invite to “%1”; its checksum matches.</source>
        <translation>Invitación válida a «%1»; su suma de comprobación coincide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bare sync key: it has the right form, but without an invite link nothing can check it for typos. Give the space a name below.</source>
        <translation>Una clave de sincronización sola: tiene la forma correcta, pero sin un enlace de invitación nada puede detectar errores de escritura. Dé un nombre al espacio a continuación.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open QR picture</source>
        <translation>Abrir imagen QR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no picture on the clipboard.</source>
        <translation>No hay ninguna imagen en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::KeyFileDialog</name>
    <message>
        <location filename="../ui/dialogs/KeyFileDialog.cpp" line="+19"/>
        <source>Protect your keys with a passphrase</source>
        <translation>Proteja sus claves con una frase de contraseña</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock your keys</source>
        <translation>Desbloquear sus claves</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a passphrase of at least %1 characters. Without it the keys cannot be recovered: write it down somewhere safe.</source>
        <translation>Elija una frase de contraseña de al menos %1 caracteres. Sin ella, las claves no se pueden recuperar: anótela en un lugar seguro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the passphrase of the key file.</source>
        <translation>Introduzca la frase de contraseña del archivo de claves.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Create key file</source>
        <translation>&amp;Crear archivo de claves</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>La frase de contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::MainWindow</name>
    <message>
        <location filename="../ui/windows/MainWindow.cpp" line="+242"/>
        <source>PluresDB Desktop</source>
        <translation>PluresDB Desktop</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>&lt;h2&gt;No spaces yet&lt;/h2&gt;&lt;p&gt;A space is a set of data shared by everyone who has its key. Create one, or join one with an invite from a colleague.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Todavía no hay espacios&lt;/h2&gt;&lt;p&gt;Un espacio es un conjunto de datos compartido por todos los que tienen su clave. Cree uno o únase a uno con la invitación de un compañero.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a space…</source>
        <translation>Crear un espacio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a space…</source>
        <translation>Unirse a un espacio…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Keys: encrypted file</source>
        <translation>Claves: archivo cifrado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys: system keychain</source>
        <translation>Claves: llavero del sistema</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;Space</source>
        <translation>&amp;Espacio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create space…</source>
        <translation>&amp;Crear espacio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join space…</source>
        <translation>&amp;Unirse a un espacio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hare space…</source>
        <translation>C&amp;ompartir espacio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename space…</source>
        <translation>Cambiar el &amp;nombre del espacio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave space…</source>
        <translation>&amp;Abandonar el espacio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Record</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PluresDB Desktop</source>
        <translation>&amp;Acerca de PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Sync not running</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sync engine is running: changes stay on this device.</source>
        <translation>No hay ningún motor de sincronización en marcha: los cambios se quedan en este dispositivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: connecting…</source>
        <translation>DHT: conectando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacting the DHT bootstrap nodes.</source>
        <translation>Contactando con los nodos de arranque del DHT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: online</source>
        <translation>DHT: en línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device is in the DHT: it can find peers and be found.</source>
        <translation>Este dispositivo está en el DHT: puede encontrar pares y ser encontrado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: offline</source>
        <translation>DHT: sin conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DHT cannot be reached: check the network and the bootstrap nodes in the settings.</source>
        <translation>No se puede llegar al DHT: revise la red y los nodos de arranque en los ajustes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sync off for this space</source>
        <translation>sincronización desactivada para este espacio</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n par</numerusform>
            <numerusform>%n pares</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in sync yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Some saved settings were not valid and were reset: %1</source>
        <translation>Algunos ajustes guardados no eran válidos y se restablecieron: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the settings</source>
        <translation>No se pueden guardar los ajustes</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+45"/>
        <source>Sync: %1</source>
        <translation>Sincronización: %1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Sync with %1: %2</source>
        <translation>Sincronización con %1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sync is off for this space: %1</source>
        <translation>Sincronización desactivada para este espacio: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its key is not in the keychain</source>
        <translation>su clave no está en el llavero</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sync cannot start: %1</source>
        <translation>La sincronización no puede iniciarse: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot open the space</source>
        <translation>No se puede abrir el espacio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>%1 — PluresDB Desktop</source>
        <translation>%1 — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>Topic %1…</source>
        <translation>Topic %1…</translation>
    </message>
    <message>
        <location line="-184"/>
        <location line="+209"/>
        <location line="+19"/>
        <location line="+12"/>
        <location line="+35"/>
        <source>spaces are not available in this window</source>
        <translation>los espacios no están disponibles en esta ventana</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>cannot store the space&apos;s key: %1</source>
        <translation>no se puede guardar la clave del espacio: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+36"/>
        <source>no such space</source>
        <translation>no existe ese espacio</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>cannot remove the space&apos;s key: %1</source>
        <translation>no se puede quitar la clave del espacio: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the key of &quot;%1&quot; is not in the keychain</source>
        <translation>la clave de «%1» no está en el llavero</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create a space</source>
        <translation>Crear un espacio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new space:</source>
        <translation>Nombre del nuevo espacio:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the space</source>
        <translation>No se puede crear el espacio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot join the space</source>
        <translation>No es posible unirse al espacio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot share the space</source>
        <translation>No se puede compartir el espacio</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename the space</source>
        <translation>Cambiar el nombre del espacio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nuevo nombre:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot rename the space</source>
        <translation>No se puede cambiar el nombre del espacio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the space</source>
        <translation>Abandonar el espacio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave &quot;%1&quot;? This device forgets the space&apos;s key and stops syncing it. To come back you need a new invite.</source>
        <translation>¿Abandonar «%1»? Este dispositivo olvidará la clave del espacio y dejará de sincronizarlo. Para volver necesitará una nueva invitación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave</source>
        <translation>Abandonar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also delete this space&apos;s data from this device</source>
        <translation>Eliminar también los datos de este espacio de este dispositivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot leave the space</source>
        <translation>No se puede abandonar el espacio</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::QrImage</name>
    <message>
        <location filename="../ui/qr/QrImage.cpp" line="+36"/>
        <source>The picture is empty or could not be read.</source>
        <translation>La imagen está vacía o no se pudo leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>The picture is too large (%1 x %2 pixels).</source>
        <translation>La imagen es demasiado grande (%1 × %2 píxeles).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the picture %1: %2</source>
        <translation>No se pudo leer la imagen %1: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsModel</name>
    <message>
        <location filename="../ui/models/RecordsModel.cpp" line="+51"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsPanel</name>
    <message>
        <location filename="../ui/windows/RecordsPanel.cpp" line="+148"/>
        <source>Filter by id prefix</source>
        <translation>Filtrar por prefijo de ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id, e.g. user:1</source>
        <translation>ID del registro, p. ej. user:1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{&quot;field&quot;: &quot;value&quot;}</source>
        <translation>{&quot;campo&quot;: &quot;valor&quot;}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields (a JSON object; remove a field to delete it)</source>
        <translation>Campos (un objeto JSON; quite un campo para eliminarlo)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Cannot read the database: %1</source>
        <translation>No se puede leer la base de datos: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was changed by a peer</source>
        <translation>Un par ha modificado %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read the history: %1</source>
        <translation>No se puede leer el historial: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>History (%n conflict(s))</source>
        <translation>
            <numerusform>Historial (%n conflicto)</numerusform>
            <numerusform>Historial (%n conflictos)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a record to see who wrote each field, and when.</source>
        <translation>Seleccione un registro para ver quién escribió cada campo y cuándo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only the newest writes are shown.</source>
        <translation>%1: solo se muestran las escrituras más recientes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: every write of each field, oldest first; concurrent writes are marked, the later clock wins.</source>
        <translation>%1: todas las escrituras de cada campo, las más antiguas primero; las escrituras concurrentes están marcadas y gana el reloj posterior.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n+ records</source>
        <translation>
            <numerusform>%n+ registros</numerusform>
            <numerusform>%n+ registros</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enter a record id.</source>
        <translation>Introduzca un ID de registro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid JSON at offset %1: %2</source>
        <translation>JSON no válido en la posición %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fields must be a JSON object: { ... }</source>
        <translation>Los campos deben ser un objeto JSON: { ... }</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not deleted: %1</source>
        <translation>No eliminado: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted %1</source>
        <translation>%1 eliminado</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/SettingsDialog.cpp" line="+116"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT bootstrap nodes</source>
        <translation>Nodos de arranque del DHT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public Hyperswarm DHT (default)</source>
        <translation>DHT público de Hyperswarm (predeterminado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private DHT, these nodes (host:port, one per line):</source>
        <translation>DHT privado, estos nodos (host:puerto, uno por línea):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node1.example.org:49737</source>
        <translation>node1.example.org:49737</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket mesh (where UDP is blocked)</source>
        <translation>Malla WebSocket (donde UDP está bloqueado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept WebSocket peers on port</source>
        <translation>Aceptar pares WebSocket en el puerto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to (ws:// or wss:// URLs, one per line):</source>
        <translation>Conectar a (URL ws:// o wss://, una por línea):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wss://relay.example.org:8765</source>
        <translation>wss://relay.example.org:8765</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space: %1</source>
        <translation>Este espacio: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space (none selected)</source>
        <translation>Este espacio (ninguno seleccionado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow PluresDB 2.x peers (JSON protocol)</source>
        <translation>Permitir pares de PluresDB 2.x (protocolo JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They cannot prove that they hold the key: anyone who finds the space&apos;s topic could read and write its data. Turn this on only to sync with devices still on PluresDB 2.x.</source>
        <translation>No pueden demostrar que tienen la clave: cualquiera que encuentre el tema del espacio podría leer y escribir sus datos. Actívelo solo para sincronizar con dispositivos que aún usan PluresDB 2.x.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;%1&quot; is not a bootstrap node: write host:port, e.g. node1.example.org:49737 (a host name or IPv4 address, and a port from 1 to 65535).</source>
        <translation>«%1» no es un nodo de arranque: escriba host:puerto, p. ej. node1.example.org:49737 (un nombre de host o una dirección IPv4, y un puerto de 1 a 65535).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a WebSocket address: write ws://host:port or wss://host:port.</source>
        <translation>«%1» no es una dirección WebSocket: escriba ws://host:puerto o wss://host:puerto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bootstrap node %1</source>
        <translation>Nodo de arranque %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter at least one bootstrap node for a private DHT, or choose the public one.</source>
        <translation>Introduzca al menos un nodo de arranque para un DHT privado, o elija el público.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket peer %1</source>
        <translation>Par WebSocket %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ShareDialog</name>
    <message>
        <location filename="../ui/dialogs/ShareDialog.cpp" line="+38"/>
        <source>Share space</source>
        <translation>Compartir espacio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share “%1”</source>
        <translation>Compartir «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Anyone who has this invite can read and change everything in this space&lt;/b&gt;, and can pass it on. There is no way to take it back short of moving to a new space. Share it only with people you trust, over a private channel.</source>
        <translation>&lt;b&gt;Cualquiera que tenga esta invitación puede leer y modificar todo lo que hay en este espacio&lt;/b&gt;, y puede pasarla a otros. No hay forma de revocarla salvo mudarse a un espacio nuevo. Compártala solo con personas de confianza y por un canal privado.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan this code with PluresDB on another device, or save a picture of it.</source>
        <translation>Escanee este código con PluresDB en otro dispositivo o guarde una imagen de él.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code: %1</source>
        <translation>Sin código QR: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or send this invite as text:</source>
        <translation>O envíe esta invitación como texto:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy invite</source>
        <translation>&amp;Copiar invitación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copies the invite, marked as a password so clipboard managers do not keep it, and clears the clipboard after %1 seconds.</source>
        <translation>Copia la invitación marcada como contraseña para que los gestores del portapapeles no la guarden, y vacía el portapapeles al cabo de %1 segundos.</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Copiado. El portapapeles se vaciará en %n segundo.</numerusform>
            <numerusform>Copiado. El portapapeles se vaciará en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clipboard was cleared.</source>
        <translation>Se ha vaciado el portapapeles.</translation>
    </message>
</context>
</TS>
