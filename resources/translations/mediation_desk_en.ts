<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseTableModel</name>
    <message>
        <source>编号</source>
        <translation>Case No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>消费维权调解台 — {station}</source>
        <translation>Mediation Desk — {station}</translation>
    </message>
    <message>
        <source>搜索编号、当事人、商家、内容…</source>
        <translation>Search case numbers, parties, businesses, details…</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>用户名或密码不正确，请 {seconds} 秒后再试。</source>
        <translation>Incorrect username or password. Please wait {seconds} s and try again.</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Incorrect username or password</translation>
    </message>
</context>
</TS>
