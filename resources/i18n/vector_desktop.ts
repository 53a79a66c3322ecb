<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AIServersDialog</name>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="14"/>
        <location filename="../../ui/ai_servers_dialog.ui" line="17"/>
        <location filename="../../ui/ai_servers_dialog.ui" line="36"/>
        <source>AI servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="23"/>
        <source>About AI servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="26"/>
        <source>Servers on this computer or your network that speak the OpenAI API, such as Ollama, LM Studio, llama.cpp or vLLM. Their models appear in the chat&apos;s model picker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="64"/>
        <source>No servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="67"/>
        <source>No servers yet. Click Add and pick a preset to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="79"/>
        <source>Add a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="82"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="89"/>
        <source>Remove the selected server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="92"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="112"/>
        <source>Check whether the servers can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="115"/>
        <source>Check r&amp;eachability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="124"/>
        <source>Server details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="127"/>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="124"/>
        <source>New server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="135"/>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="145"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="148"/>
        <source>Fill in the usual address of a well-known server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="155"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="165"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="171"/>
        <source>e.g. Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="178"/>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="188"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="198"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="210"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="216"/>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="129"/>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="149"/>
        <source>Optional; most local servers need none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="223"/>
        <source>Remove the saved API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="226"/>
        <source>Remove the saved &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="235"/>
        <source>Use this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="238"/>
        <source>When unchecked, the server is kept in the list but its models leave the model picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="241"/>
        <source>U&amp;se this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="253"/>
        <source>Problem with the server details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="268"/>
        <source>Test the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="271"/>
        <source>Ask the server for its models with the address and key above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="274"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="294"/>
        <source>Save the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="297"/>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="306"/>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="319"/>
        <source>Models the server offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_servers_dialog.ui" line="335"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="54"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="141"/>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="147"/>
        <source>A key is saved in the keychain; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="204"/>
        <source>Remove server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="205"/>
        <source>Remove the server “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="210"/>
        <source>Its saved API key is deleted from the keychain and its models leave the model picker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="213"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/ai_servers_dialog.py" line="255"/>
        <source>Asking the server for its models…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="111"/>
        <source>As &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="112"/>
        <source>As &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="66"/>
        <location filename="../../ui/chat_panel.ui" line="202"/>
        <location filename="../../vector_desktop/views/chat_panel.py" line="294"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="292"/>
        <source>No conversation yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="317"/>
        <source>Choose a model in the list above to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="319"/>
        <source>&lt;b&gt;%1&lt;/b&gt; will answer. It runs on this computer: private, free, and it works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="321"/>
        <source>&lt;b&gt;%1&lt;/b&gt; will answer. You can pick another model in the list above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="323"/>
        <source>Ask anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="323"/>
        <source>Start a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="327"/>
        <source>Ask a question, have a text explained or improved, or get help with code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="332"/>
        <source>Write below and press &lt;b&gt;%1&lt;/b&gt; to send. Your conversations are kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="359"/>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="360"/>
        <source>Un&amp;pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="360"/>
        <source>&amp;Pin to top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="363"/>
        <source>Export as &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="364"/>
        <source>Export as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="366"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="372"/>
        <location filename="../../vector_desktop/views/chat_panel.py" line="375"/>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="373"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="386"/>
        <source>“%1” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="103"/>
        <location filename="../../vector_desktop/views/chat_panel.py" line="414"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="416"/>
        <source>Messages (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="418"/>
        <source>No message matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="528"/>
        <source>Attach an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="528"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="535"/>
        <source>With this message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="622"/>
        <source>The model wants to run the tool “%1” with %2. Allow it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="291"/>
        <location filename="../../vector_desktop/views/chat_panel.py" line="650"/>
        <source>Export conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="654"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/chat_panel.py" line="654"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="14"/>
        <location filename="../../ui/chat_panel.ui" line="17"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="42"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="50"/>
        <location filename="../../ui/chat_panel.ui" line="53"/>
        <source>Search conversations and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="63"/>
        <source>Start a new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="69"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="81"/>
        <source>Conversation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="100"/>
        <source>Message search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="110"/>
        <source>Messages found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="126"/>
        <source>Conversation deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="147"/>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="157"/>
        <source>Bring the deleted conversation back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="160"/>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="163"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="174"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="199"/>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="224"/>
        <source>Tokens and cost of this conversation. A figure with ~ is an estimate from the text (about 4 characters per token), for models that do not report what they used, such as the on-device model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="242"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="258"/>
        <source>The model that answers in this conversation (name · context size · price per million tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="261"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="271"/>
        <source>Conversation settings: system prompt, temperature, fallback models, JSON mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="274"/>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="277"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="288"/>
        <source>Export this conversation to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="294"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="227"/>
        <source>Conversation totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="306"/>
        <source>Offline notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="309"/>
        <source>You are offline. Messages to online models wait in the outbox and are sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="342"/>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="371"/>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="400"/>
        <source>Chat error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="416"/>
        <source>Tool call approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="438"/>
        <source>Let the model run this tool once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="441"/>
        <source>Allow tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="444"/>
        <source>&amp;Allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="451"/>
        <source>Do not run this tool; the model is told you declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="454"/>
        <source>Deny tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="457"/>
        <source>&amp;Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="467"/>
        <source>Editing a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="482"/>
        <source>Editing your message: Send resends it, and what followed it is answered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="492"/>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="495"/>
        <source>Cancel edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="512"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="518"/>
        <source>Write a message… (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="528"/>
        <source>Attach an image (PNG, JPEG, GIF, WebP); it is stored in your Storage first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="531"/>
        <source>Attach image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="534"/>
        <source>&amp;Attach image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="541"/>
        <source>Attached images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="551"/>
        <source>Remove the attached images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="554"/>
        <source>Remove attached images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="568"/>
        <source>Estimated size of the next request against the model&apos;s context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="571"/>
        <source>Context usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="594"/>
        <source>Stop the answer; the text so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="597"/>
        <source>Stop answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="600"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="611"/>
        <source>Send the message (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="614"/>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chat_panel.ui" line="617"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationSettingsDialog</name>
    <message>
        <location filename="../../vector_desktop/views/conversation_settings_dialog.py" line="35"/>
        <source>Model id, e.g. openai/gpt-5.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="14"/>
        <location filename="../../ui/conversation_settings.ui" line="17"/>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="25"/>
        <source>&amp;System prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="35"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="41"/>
        <source>Instructions the model gets before every message of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="48"/>
        <source>&amp;Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="60"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="79"/>
        <source>Leave the temperature to the model&apos;s own default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="82"/>
        <source>Use the model&apos;s default temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="85"/>
        <source>Model &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="107"/>
        <source>JSON mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="114"/>
        <source>Ask the model for an answer that is valid JSON; an answer that is not is flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="117"/>
        <source>JSON mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="120"/>
        <source>Ask for a &amp;JSON answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="127"/>
        <source>&amp;Fallback models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="139"/>
        <source>Fallback models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="142"/>
        <source>Tried in this order when the conversation&apos;s model cannot answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="151"/>
        <source>Model to add as a fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="164"/>
        <source>Add fallback model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="167"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="174"/>
        <source>Remove fallback model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="177"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="184"/>
        <source>Move fallback model up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="187"/>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="194"/>
        <source>Move fallback model down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation_settings.ui" line="197"/>
        <source>Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../vector_desktop/views/crash_dialog.py" line="24"/>
        <source>Where: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/crash_dialog.py" line="26"/>
        <source>The full log is in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="6"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="10"/>
        <source>Vector Desktop hit an unexpected error. Your messages, drafts and files are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="18"/>
        <source>Error summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="25"/>
        <source>Where it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="31"/>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="38"/>
        <source>Log file location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="45"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="50"/>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="60"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.ui" line="65"/>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="73"/>
        <source>%1 status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="77"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="79"/>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="80"/>
        <source>Remove the stored value from the keychain when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="106"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="108"/>
        <source>Reset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="110"/>
        <source>Remove the value saved in the app; the .env file, environment or default applies again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="123"/>
        <source>%1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="133"/>
        <source>%1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="162"/>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="209"/>
        <source>will be removed when you save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuedLinksDialog</name>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="14"/>
        <location filename="../../ui/issued_links_dialog.ui" line="17"/>
        <source>Issued links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="23"/>
        <source>Links cannot be revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="52"/>
        <source>Links issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="81"/>
        <source>No links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="84"/>
        <source>No links have been issued for this bucket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/issued_links_dialog.ui" line="101"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="197"/>
        <location filename="../../vector_desktop/views/jobs_panel.py" line="130"/>
        <source>Select a job to see its error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/jobs_panel.py" line="133"/>
        <source>This job has no error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="14"/>
        <location filename="../../ui/jobs_panel.ui" line="17"/>
        <source>Background jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="30"/>
        <source>No jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="33"/>
        <source>No background jobs yet. Uploads, syncs and other long tasks will appear here while they run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="62"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="99"/>
        <source>Ask the selected job to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="102"/>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="105"/>
        <source>&amp;Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="115"/>
        <source>Run the selected job again as a new job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="118"/>
        <source>Retry job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="121"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="144"/>
        <source>Remove finished jobs from the list and from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="147"/>
        <source>Clear finished jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="150"/>
        <source>C&amp;lear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="159"/>
        <source>Jobs message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="175"/>
        <source>&amp;Error of the selected job:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jobs_panel.ui" line="191"/>
        <source>Error text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="72"/>
        <source>Checking connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="73"/>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="75"/>
        <source>Running jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="77"/>
        <source>Storage in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="142"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="142"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/main_window.py" line="149"/>
        <source>No online AI provider is set up: the on-device model answers, no network needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../vector_desktop/views/main_window.py" line="153"/>
        <source>%n job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="12"/>
        <source>Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="25"/>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="26"/>
        <source>Choose the panel to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="46"/>
        <source>Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="51"/>
        <source>Opening your workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="65"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="72"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="74"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="84"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="97"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="101"/>
        <source>&amp;AI servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="102"/>
        <source>Add your own OpenAI-compatible servers, such as Ollama or LM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="105"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="110"/>
        <source>Follow &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="114"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="118"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="122"/>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="125"/>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="128"/>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="131"/>
        <source>&amp;About Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="126"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="127"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="128"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="129"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="130"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="131"/>
        <source>Answer on device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="133"/>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/message_delegate.py" line="134"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="17"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="24"/>
        <source>Notice text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="28"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/notice_bar.py" line="29"/>
        <source>Dismiss notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="27"/>
        <source>&amp;Save choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="28"/>
        <source>Save choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="33"/>
        <source>Crash reports are not set up in this copy of Vector Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/privacy_dialog.py" line="36"/>
        <source>Usage analytics are not set up in this copy of Vector Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="6"/>
        <location filename="../../ui/privacy_dialog.ui" line="11"/>
        <source>Help improve Vector Desktop?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="7"/>
        <source>Privacy choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="12"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="18"/>
        <source>You can choose to share some information with the developers. Both are off unless you tick them, and you can change your mind at any time in Settings → Privacy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="19"/>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="25"/>
        <source>Send &amp;crash reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="27"/>
        <source>Send crash reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="32"/>
        <source>When something goes wrong: the kind of error, where in the app it happened, the app version and your operating system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="33"/>
        <source>What crash reports contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="40"/>
        <source>Send usage &amp;analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="42"/>
        <source>Send usage analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="47"/>
        <source>Which features are used (for example &quot;chat sent&quot; or &quot;file uploaded&quot;), with a random id that is not linked to you. Events wait on this computer while you are offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="48"/>
        <source>What usage analytics contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="55"/>
        <source>Never sent: your messages, files, database contents or email. API keys, passwords, tokens and paths in your home folder are removed before anything leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="56"/>
        <source>What is never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="62"/>
        <source>Unavailable options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/privacy_dialog.ui" line="74"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/privacy_viewmodel.py" line="77"/>
        <source>Your privacy choices could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="263"/>
        <source>No settings in this group yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="292"/>
        <source>Uses the values shown here, even before you save them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="295"/>
        <source>%1 result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="320"/>
        <source>Correct the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/settings_dialog.py" line="324"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../vector_desktop/views/settings_dialog.py" line="421"/>
        <source>Nothing was saved: %n field(s) need a valid value.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="6"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="12"/>
        <source>Keychain warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="18"/>
        <source>Loading settings from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="19"/>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="27"/>
        <source>Settings groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="32"/>
        <source>Settings of the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="41"/>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="48"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="115"/>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="116"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="117"/>
        <source>Connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="118"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="119"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="120"/>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="121"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="142"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="168"/>
        <source>Enter a new value to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="168"/>
        <source>Enter a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="170"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="192"/>
        <source>.env file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="194"/>
        <source>this session only (no keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="196"/>
        <source>this session only (the keychain refused it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="198"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="199"/>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="200"/>
        <source>saved in app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="201"/>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="207"/>
        <source>•••• kept for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="208"/>
        <source>•••• stored in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="210"/>
        <source>•••• set in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="212"/>
        <source>•••• set in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="213"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="219"/>
        <source>Not used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="245"/>
        <source>This action is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="263"/>
        <source>No system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="306"/>
        <source>This setting is not known to this version of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="321"/>
        <source>The settings could not be saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/presentation/settings_viewmodel.py" line="362"/>
        <source>Settings could not be read or saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoragePanel</name>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="134"/>
        <source>Upload &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="136"/>
        <source>Upload a f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="152"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="408"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="413"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="153"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="449"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="154"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="456"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="155"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="295"/>
        <location filename="../../ui/storage_panel.ui" line="298"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="156"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="147"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="157"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="279"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="158"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="452"/>
        <source>New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="227"/>
        <source>Looking for matching names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="446"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="227"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="229"/>
        <source>No names in this folder match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="231"/>
        <source>This folder is empty. Drag files or folders here to upload them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="233"/>
        <source>No files yet. Drag files or folders here, or click Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="268"/>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="274"/>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="275"/>
        <source>The top of the storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="362"/>
        <source>&amp;Upload files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="363"/>
        <source>&amp;New folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="364"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="369"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="371"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="673"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="372"/>
        <source>&amp;Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="376"/>
        <source>&amp;Copy file location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="378"/>
        <source>&amp;Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="381"/>
        <source>Valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="383"/>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="386"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="387"/>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="663"/>
        <location filename="../../vector_desktop/views/storage_panel.py" line="390"/>
        <source>&amp;Attach to chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="399"/>
        <source>Delete %1 items? Folders are deleted with everything in them. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="402"/>
        <source>Delete the folder “%1” and everything in it? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="405"/>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="449"/>
        <source>New name for “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="452"/>
        <source>Name of the new folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="457"/>
        <source>How many hours should the link work (1 to 168)? It cannot be revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="487"/>
        <source>Upload files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="492"/>
        <source>Upload a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/views/storage_panel.py" line="497"/>
        <source>Download to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="14"/>
        <location filename="../../ui/storage_panel.ui" line="17"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="25"/>
        <source>Storage in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="28"/>
        <source>Checking storage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="51"/>
        <source>Every download link the app handed out, with when it expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="54"/>
        <source>Issued links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="57"/>
        <source>Issued &amp;links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="64"/>
        <source>Storage settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="67"/>
        <source>&lt;a href=&quot;settings&quot;&gt;Storage settings…&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="82"/>
        <source>Interrupted uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="97"/>
        <source>Interrupted uploads text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="107"/>
        <source>Continue the interrupted uploads from where they stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="110"/>
        <source>Resume interrupted uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="113"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="120"/>
        <source>Remove the parts already sent from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="123"/>
        <source>Discard interrupted uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="126"/>
        <source>D&amp;iscard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="141"/>
        <source>Go to the folder above (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="144"/>
        <source>Up one folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="157"/>
        <source>Folder path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="200"/>
        <source>Show only names that contain this text (* and ? work as wildcards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="203"/>
        <location filename="../../ui/storage_panel.ui" line="206"/>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="216"/>
        <source>Show files as icons with thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="219"/>
        <source>Icon view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="222"/>
        <source>Icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="235"/>
        <source>Show files as a list with size, type and date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="238"/>
        <source>Details view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="241"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="257"/>
        <source>Upload files into this folder (or drag files and folders here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="260"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="263"/>
        <source>&amp;Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="276"/>
        <source>Make a folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="282"/>
        <source>&amp;New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="292"/>
        <source>Read the folder again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="317"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="339"/>
        <source>Files and folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="392"/>
        <source>Files and folders as icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="443"/>
        <source>Folder state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="477"/>
        <source>Try listing again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="480"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="487"/>
        <source>Open storage settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="490"/>
        <source>Storage &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="533"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="544"/>
        <source>Previewed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="554"/>
        <source>Close the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="557"/>
        <source>Close preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="560"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="588"/>
        <source>Image preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="598"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="628"/>
        <source>Text preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="645"/>
        <source>Preview note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="657"/>
        <source>Add this image to the message you are writing in Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="660"/>
        <source>Attach to chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="670"/>
        <source>Download previewed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="686"/>
        <location filename="../../ui/storage_panel.ui" line="703"/>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="726"/>
        <source>Stop the selected upload or download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="729"/>
        <source>Cancel transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="732"/>
        <source>&amp;Cancel transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="739"/>
        <source>Remove finished transfers from this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="742"/>
        <source>Clear finished transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="745"/>
        <source>Clear &amp;finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="760"/>
        <source>Uploads and downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/storage_panel.ui" line="791"/>
        <source>Storage message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../vector_desktop/gui.py" line="125"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="126"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="278"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="441"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="464"/>
        <source>Your data file was kept aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="474"/>
        <source>Some settings are invalid and were ignored: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="539"/>
        <source>About Vector Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../vector_desktop/gui.py" line="541"/>
        <source>An AI workspace on your own machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
