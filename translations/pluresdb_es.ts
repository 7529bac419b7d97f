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
        <location filename="../app/desktop/main.cpp" line="+54"/>
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
        <source>What --screenshot renders: main, share (the current space&apos;s share dialog), join (the join dialog, with the link if one is given), history (the first record&apos;s history), settings, about, or the current space&apos;s peers, traffic, debugger or doctor (the debugger on a refused peer).</source>
        <translation>Qué muestra --screenshot: main, share (el diálogo para compartir del espacio actual), join (el diálogo para unirse, con el enlace si se da), history (el historial del primer registro), settings, about, o los pares, el tráfico, el depurador o el doctor del espacio actual (peers, traffic, debugger, doctor; el depurador sobre un par rechazado).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait this long before --screenshot renders (to let sync run).</source>
        <translation>Esperar este tiempo antes de que --screenshot renderice (para dejar correr la sincronización).</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <name>pluresdb::ui::ConnectionDoctor</name>
    <message>
        <location filename="../ui/models/ConnectionDoctor.cpp" line="+12"/>
        <source>Admission failed: the peer speaks the PluresDB 2.x JSON protocol, which cannot prove the space&apos;s key, and 2.x peers are not allowed in this space.</source>
        <translation>Admisión fallida: el par habla el protocolo JSON de PluresDB 2.x, que no puede demostrar la clave del espacio, y los pares 2.x no están permitidos en este espacio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upgrade the peer to PluresDB 3, or allow PluresDB 2.x JSON peers in the space&apos;s settings if you trust everyone who can reach this device.</source>
        <translation>Actualice el par a PluresDB 3, o permita pares JSON de PluresDB 2.x en los ajustes del espacio si confía en todos los que pueden alcanzar este dispositivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer speaks another version of the sync protocol.</source>
        <translation>Admisión fallida: el par habla otra versión del protocolo de sincronización.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update both devices to the same PluresDB version.</source>
        <translation>Actualice ambos dispositivos a la misma versión de PluresDB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer does not hold this space&apos;s key (its proof of key possession did not verify). It reached us, but it is in another space or has a wrong key.</source>
        <translation>Admisión fallida: el par no tiene la clave de este espacio (su prueba de posesión de la clave no se verificó). Nos alcanzó, pero está en otro espacio o tiene una clave errónea.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share the space again (Space › Share) and have the peer join with that invite; check that both devices show the same space. Refused peers are not redialled until sync restarts.</source>
        <translation>Comparta el espacio de nuevo (Espacio › Compartir) y haga que el par se una con esa invitación; compruebe que ambos dispositivos muestran el mismo espacio. Los pares rechazados no se vuelven a marcar hasta que se reinicia la sincronización.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing accepts connections at that address: the other device is not running, or does not serve sync on that port.</source>
        <translation>Nada acepta conexiones en esa dirección: el otro dispositivo no está en marcha o no sirve la sincronización en ese puerto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start PluresDB on the other device, check the address and port in the network settings, and that it serves the WebSocket mesh.</source>
        <translation>Inicie PluresDB en el otro dispositivo, compruebe la dirección y el puerto en los ajustes de red, y que sirve la malla WebSocket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name could not be resolved.</source>
        <translation>No se pudo resolver el nombre de host.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the spelling of the address, or use an IP address.</source>
        <translation>Compruebe la ortografía de la dirección o use una dirección IP.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer did not answer in time: a firewall may drop the packets, or the address is wrong.</source>
        <translation>El par no respondió a tiempo: puede que un cortafuegos descarte los paquetes o que la dirección sea errónea.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check firewalls on both devices and on the network; try the LAN address when both are on the same network.</source>
        <translation>Compruebe los cortafuegos de ambos dispositivos y de la red; pruebe la dirección LAN si ambos están en la misma red.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer is not announced on the DHT: it is offline, in another space, or uses other bootstrap nodes.</source>
        <translation>El par no está anunciado en la DHT: está desconectado, en otro espacio o usa otros nodos de arranque.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make sure the peer is online with this space open, and that both use the same bootstrap nodes (Settings › Network).</source>
        <translation>Asegúrese de que el par está conectado con este espacio abierto y de que ambos usan los mismos nodos de arranque (Ajustes › Red).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holepunching failed: both devices are behind NATs that change ports for every destination (random), so no direct path could be found.</source>
        <translation>La perforación de NAT falló: ambos dispositivos están detrás de NAT que cambian de puerto para cada destino (aleatorios), así que no se encontró un camino directo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a relay, or put one of the devices on a network with a consistent NAT (most home routers) or with a forwarded port.</source>
        <translation>Use un relé, o ponga uno de los dispositivos en una red con NAT consistente (la mayoría de los routers domésticos) o con un puerto redirigido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection failed: %1</source>
        <translation>La conexión falló: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the other device is online and in the same space; the debugger&apos;s timeline shows the steps before the failure.</source>
        <translation>Compruebe que el otro dispositivo está conectado y en el mismo espacio; la línea de tiempo del depurador muestra los pasos antes del fallo.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Look up the peer on the DHT</source>
        <translation>Buscar el par en la DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announce on the DHT</source>
        <translation>Anunciar en la DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handshake through a relay node</source>
        <translation>Negociación a través de un nodo de relé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>Clases de NAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch round</source>
        <translation>Ronda de perforación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the local network</source>
        <translation>Probar la red local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection path</source>
        <translation>Camino de conexión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypted channel (Noise handshake)</source>
        <translation>Canal cifrado (negociación Noise)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key proof accepted</source>
        <translation>Prueba de clave aceptada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key proof failed</source>
        <translation>Prueba de clave fallida</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>In sync (state digests equal)</source>
        <translation>Sincronizado (resúmenes de estado iguales)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No connection attempt seen yet.</source>
        <translation>Aún no se ha visto ningún intento de conexión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected; catching up.</source>
        <translation>Conectado; poniéndose al día.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected and in sync.</source>
        <translation>Conectado y sincronizado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot sync with this peer.</source>
        <translation>No se puede sincronizar con este par.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Was connected; now disconnected.</source>
        <translation>Estaba conectado; ahora desconectado.</translation>
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
        <location filename="../ui/windows/MainWindow.cpp" line="+275"/>
        <source>PluresDB Desktop</source>
        <translation>PluresDB Desktop</translation>
    </message>
    <message>
        <location line="-205"/>
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
        <location line="+67"/>
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
        <location line="+61"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>&amp;Pares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Tráfico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;debugger</source>
        <translation>&amp;Depurador de sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify when peers join or leave and on sync errors</source>
        <translation>Notificar cuando los pares se unen o se van y ante errores de sincronización</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+65"/>
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
        <location line="+23"/>
        <source>%1 — sync monitor</source>
        <translation>%1 — monitor de sincronización</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Some saved settings were not valid and were reset: %1</source>
        <translation>Algunos ajustes guardados no eran válidos y se restablecieron: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the settings</source>
        <translation>No se pueden guardar los ajustes</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this database</source>
        <translation>esta base de datos</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="-248"/>
        <source>%1 — PluresDB Desktop</source>
        <translation>%1 — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Topic %1…</source>
        <translation>Topic %1…</translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+211"/>
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
    <message>
        <location line="-462"/>
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
</context>
<context>
    <name>pluresdb::ui::PeersModel</name>
    <message>
        <location filename="../ui/models/PeersModel.cpp" line="+64"/>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>consistent</source>
        <translation>consistente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>random</source>
        <translation>aleatorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PluresDB 2.x JSON</source>
        <translation>PluresDB 2.x JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN</source>
        <translation>LAN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunched</source>
        <translation>Por perforación de NAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holepunched (%1)</source>
        <translation>Por perforación de NAT (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relayed via %1</source>
        <translation>Retransmitido vía %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a relay</source>
        <translation>un relé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swarm</source>
        <translation>Enjambre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>S: found through the swarm (Hyperswarm DHT)
W: WebSocket mesh
T: TCP
L: on the local network
H: holepunched through NAT
R: relayed (no direct path)
J: PluresDB 2.x JSON (cannot prove the key)
E: encrypted and authenticated (Noise)
O: outgoing (we dialled)
I: incoming (they dialled)
X: refused: could not prove the space&apos;s key</source>
        <translation>S: encontrado a través del enjambre (DHT de Hyperswarm)
W: malla WebSocket
T: TCP
L: en la red local
H: NAT perforado
R: retransmitido (sin camino directo)
J: PluresDB 2.x JSON (no puede demostrar la clave)
E: cifrado y autenticado (Noise)
O: saliente (marcamos nosotros)
I: entrante (marcaron ellos)
X: rechazado: no pudo demostrar la clave del espacio</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>Verde solo cuando los resúmenes de estado de ambos lados son iguales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the last batch of ops to its acknowledgement: the network round trip plus the peer&apos;s write (shown once ops have flowed)</source>
        <translation>Desde el envío del último lote de operaciones hasta su confirmación: el viaje de ida y vuelta por la red más la escritura en el par (se muestra cuando han circulado operaciones)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long the swarm took to make the connection</source>
        <translation>Cuánto tardó el enjambre en establecer la conexión</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>In sync</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flags</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT (ours / theirs)</source>
        <translation>NAT (nuestro / suyo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect time</source>
        <translation>Tiempo de conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages in</source>
        <translation>Mensajes entrantes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages out</source>
        <translation>Mensajes salientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate in</source>
        <translation>Tasa entrante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate out</source>
        <translation>Tasa saliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected since</source>
        <translation>Conectado desde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Último error</translation>
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
<context>
    <name>pluresdb::ui::SyncMonitorWindow</name>
    <message>
        <location filename="../ui/windows/SyncMonitorWindow.cpp" line="+216"/>
        <source>Sync monitor — PluresDB Desktop</source>
        <translation>Monitor de sincronización — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync debugger</source>
        <translation>Depurador de sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic of:</source>
        <translation>Tráfico de:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range:</source>
        <translation>Intervalo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 minutes</source>
        <translation>5 minutos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6 hours</source>
        <translation>6 horas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peer:</source>
        <translation>Par:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event:</source>
        <translation>Evento:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id:</source>
        <translation>Id de registro:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prefix</source>
        <translation>prefijo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash values</source>
        <translation>Convertir valores en hash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace record ids, values and messages by hashes in the exported file, so it can be shared without the data</source>
        <translation>Sustituir los ids de registro, los valores y los mensajes por hashes en el archivo exportado, para poder compartirlo sin los datos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export trace…</source>
        <translation>Exportar traza…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Tras</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ops sent and received</source>
        <translation>Operaciones enviadas y recibidas</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Double-click a peer to see its connection doctor. Hover over the flags for what each letter means.</source>
        <translation>Haga doble clic en un par para ver su doctor de conexión. Pase el ratón sobre los indicadores para ver qué significa cada letra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+225"/>
        <source>Sync is not running for this space.</source>
        <translation>La sincronización no está en marcha para este espacio.</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+1"/>
        <source>All peers</source>
        <translation>Todos los pares</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>In this range: received %1 (payload %2, overhead %3), sent %4 (payload %5, overhead %6); DHT %7, holepunch %8</source>
        <translation>En este intervalo: recibido %1 (carga útil %2, sobrecarga %3), enviado %4 (carga útil %5, sobrecarga %6); DHT %7, perforación %8</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Connection doctor</source>
        <translation>Doctor de conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection doctor: %1</source>
        <translation>Doctor de conexión: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In sync</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in sync</source>
        <translation>No sincronizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>Verde solo cuando los resúmenes de estado de ambos lados son iguales</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Why:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;What to try:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Por qué:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Qué probar:&lt;/b&gt; %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Op: %1 #%2, clock %3</source>
        <translation>Operación: %1 #%2, reloj %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields: %1</source>
        <translation>Campos: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this device</source>
        <translation>este dispositivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sent it to us)</source>
        <translation>%1 (nos la envió)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (we sent it)</source>
        <translation>%1 (se la enviamos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers that have it: %1</source>
        <translation>Pares que la tienen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s) on the wire:</source>
        <translation>
            <numerusform>%n byte en la red:</numerusform>
            <numerusform>%n bytes en la red:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Export trace</source>
        <translation>Exportar traza</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>Líneas JSON (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncTray</name>
    <message>
        <location filename="../ui/windows/SyncTray.cpp" line="+32"/>
        <source>Show PluresDB</source>
        <translation>Mostrar PluresDB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Peer joined %1</source>
        <translation>Un par se unió a %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connected (%2)</source>
        <translation>%1 conectado (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peer left %1</source>
        <translation>Un par dejó %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sync problem in %1</source>
        <translation>Problema de sincronización en %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PluresDB: %1</source>
        <translation>PluresDB: %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceModel</name>
    <message>
        <location filename="../ui/models/TraceModel.cpp" line="+47"/>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admission failed</source>
        <translation>admisión fallida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op sent</source>
        <translation>operación enviada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op received</source>
        <translation>operación recibida</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>DHT lookup</source>
        <translation>búsqueda DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT announce</source>
        <translation>anuncio DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handshake</source>
        <translation>negociación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>Clases de NAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>punch round</source>
        <translation>ronda de perforación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN ping</source>
        <translation>ping LAN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>path</source>
        <translation>camino</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceTimeline</name>
    <message>
        <location filename="../ui/widgets/TraceTimeline.cpp" line="+76"/>
        <source>No events yet</source>
        <translation>Aún no hay eventos</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TrafficGraph</name>
    <message>
        <location filename="../ui/widgets/TrafficGraph.cpp" line="+52"/>
        <source>Sync payload in</source>
        <translation>Carga útil entrante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync payload out</source>
        <translation>Carga útil saliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead in</source>
        <translation>Sobrecarga de protocolo entrante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead out</source>
        <translation>Sobrecarga de protocolo saliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT in</source>
        <translation>DHT entrante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT out</source>
        <translation>DHT saliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch in</source>
        <translation>Perforación entrante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch out</source>
        <translation>Perforación saliente</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+29"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
</TS>
