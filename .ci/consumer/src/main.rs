//! The daily tasks of a small application on a crate generated from the Graph v1.0 reference:
//! a list of users, a `memberOf` page, a `POST /users` body, a `PATCH` that clears a property,
//! drive items and events. Built without the feature `full`, with only the area of `User`, it
//! does the user tasks alone.
//!
//! `graph-consumer tasks` runs them on small bodies and checks what they read;
//! `graph-consumer users N` prints a list of N users (about 500 bytes each);
//! `graph-consumer read FILE typed|value` reads such a list as `Collection<User>` or as a
//! `serde_json::Value` and prints how long it took; `graph-consumer sizes` prints the size of
//! a few types.

use std::time::Instant;

use models::graph::User;
use models::odata::Collection;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["tasks"] => tasks(),
        ["users", count] => print!("{}", users(count.parse().expect("a count of users"))),
        ["read", file, how] => read(file, how),
        ["sizes"] => sizes(),
        _ => {
            eprintln!("usage: graph-consumer tasks | users N | read FILE typed|value | sizes");
            std::process::exit(2);
        }
    }
}

fn tasks() {
    let users: Collection<User> = serde_json::from_str(&users(3)).expect("a list of users");
    let names: Vec<_> = users.iter().filter_map(|user| user.display_name.as_deref()).collect();
    assert_eq!(names, ["Adele Vance 0", "Adele Vance 1", "Adele Vance 2"]);
    assert!(users.next_link().is_some());

    let body = new_user();
    assert!(body.contains("\"userPrincipalName\":"), "{body}");
    #[cfg(feature = "full")]
    assert!(body.contains("\"passwordProfile\":{"), "{body}");
    let patch = clear_office_location();
    assert_eq!(patch, r#"{"officeLocation":null}"#);

    #[cfg(feature = "full")]
    {
        assert_eq!(member_of_groups(), ["Marketing"]);
        assert_eq!(drive_item_creators(), ["Megan Bowen"]);
        assert_eq!(event_subjects(), ["Plan summer company picnic (2021-07-01T12:00:00)"]);
    }
    println!("tasks done");
}

/// `POST /users`: the body of a new user.
fn new_user() -> String {
    let mut user = User::default();
    user.account_enabled = Some(true);
    user.display_name = Some("Adele Vance".into());
    user.mail_nickname = Some("AdeleV".into());
    user.user_principal_name = Some("AdeleV@contoso.onmicrosoft.com".into());
    // The password profile is in another area than `User`.
    #[cfg(feature = "full")]
    {
        let mut password = models::graph::PasswordProfile::default();
        password.force_change_password_next_sign_in = Some(true);
        password.password = Some("xWwvJ]6NMw+bWH-d".into());
        user.password_profile = Some(password.into());
    }
    serde_json::to_string(&user).expect("a user writes")
}

/// `PATCH /users/{id}`: clears the office location.
fn clear_office_location() -> String {
    let mut user = User::default();
    user.set_null("officeLocation");
    serde_json::to_string(&user).expect("a user writes")
}

/// `GET /me/memberOf`: the groups among the directory objects.
#[cfg(feature = "full")]
fn member_of_groups() -> Vec<String> {
    let body = r##"{
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
        "value": [
            {"@odata.type": "#microsoft.graph.group", "id": "45b7d2e7-b882-4a80-ba97-10b7a63b8fa4",
             "displayName": "Marketing", "groupTypes": ["Unified"], "mailEnabled": true,
             "securityEnabled": false, "createdDateTime": "2018-12-22T02:21:05Z"},
            {"@odata.type": "#microsoft.graph.directoryRole", "id": "fe8f10bf-c9c2-47eb-95cb-c26cc85f1830",
             "displayName": "Global Administrator", "roleTemplateId": "62e90394-69f5-4237-9190-012177145e10"}
        ]
    }"##;
    let page: Collection<models::graph::AnyDirectoryObject> =
        serde_json::from_str(body).expect("a memberOf page");
    page.iter()
        .filter_map(|object| object.as_group())
        .filter_map(|group| group.display_name.clone())
        .collect()
}

/// `GET /me/drive/root/children`: who created each item.
#[cfg(feature = "full")]
fn drive_item_creators() -> Vec<String> {
    let body = r##"{
        "value": [
            {"id": "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K", "name": "Contoso Electronics Sales Presentation.pptx",
             "size": 1211465, "webUrl": "https://contoso.sharepoint.com/Shared%20Documents/Sales.pptx",
             "createdDateTime": "2017-08-07T16:10:43Z",
             "createdBy": {"user": {"id": "48d31887-5fad-4d73-a9f5-3c356e68a038", "displayName": "Megan Bowen"}},
             "file": {"mimeType": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                      "hashes": {"quickXorHash": "aFvYGKOHGIyOE4sFCw3BhWPtq8g="}},
             "parentReference": {"driveId": "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd",
                                 "driveType": "business", "id": "01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ", "path": "/drive/root:"}}
        ]
    }"##;
    let page: Collection<models::graph::DriveItem> =
        serde_json::from_str(body).expect("a page of drive items");
    page.iter()
        .filter_map(|item| item.created_by.as_ref())
        .filter_map(|created_by| created_by.user().as_ref())
        .filter_map(|user| user.display_name().clone())
        .collect()
}

/// `GET /me/events`: each event's subject and start.
#[cfg(feature = "full")]
fn event_subjects() -> Vec<String> {
    let body = r##"{
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('cd209b0b-3f83-4c35-82d2-d88a61820480')/events",
        "value": [
            {"@odata.etag": "W/\"ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ==\"", "id": "AAMkAGI1AAAt9AHjAAA=",
             "subject": "Plan summer company picnic", "bodyPreview": "Let's kick-start this event planning!",
             "body": {"contentType": "html", "content": "<html><body>Let's kick-start this event planning!</body></html>"},
             "start": {"dateTime": "2021-07-01T12:00:00", "timeZone": "Pacific Standard Time"},
             "end": {"dateTime": "2021-07-01T14:00:00", "timeZone": "Pacific Standard Time"},
             "importance": "normal", "isAllDay": false, "showAs": "busy",
             "location": {"displayName": "Conf Room 3", "locationType": "default"},
             "attendees": [{"type": "required", "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                            "emailAddress": {"name": "Alex Wilber", "address": "AlexW@contoso.onmicrosoft.com"}}],
             "organizer": {"emailAddress": {"name": "Megan Bowen", "address": "MeganB@contoso.onmicrosoft.com"}}}
        ]
    }"##;
    let page: Collection<models::graph::Event> = serde_json::from_str(body).expect("a page of events");
    page.iter()
        .map(|event| {
            let start = event.start.as_ref().and_then(|start| start.date_time.clone());
            format!("{} ({})", event.subject.as_deref().unwrap_or(""), start.unwrap_or_default())
        })
        .collect()
}

/// A list response of `count` users, shaped as the user examples of the docs (about 500 bytes
/// each), every value varied.
fn users(count: usize) -> String {
    let users: Vec<serde_json::Value> = (0..count).map(user).collect();
    let next = "https://graph.microsoft.com/v1.0/users?$skiptoken=X%274453707402000100000017";
    serde_json::json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
        "@odata.nextLink": next,
        "value": users,
    })
    .to_string()
}

fn user(n: usize) -> serde_json::Value {
    let nickname = format!("AdeleV{n}");
    let mail = format!("{nickname}@contoso.onmicrosoft.com");
    let job_title = ["Retail Manager", "Marketing Assistant", "Product Manager"][n % 3];
    let mobile_phone = if n % 4 == 0 {
        serde_json::Value::Null
    } else {
        format!("+1 206 555 {:04}", n % 10_000).into()
    };
    serde_json::json!({
        "id": format!("87d349ed-44d7-43e1-9a83-{n:012x}"),
        "businessPhones": [format!("+1 425 555 {:04}", n % 10_000)],
        "displayName": format!("Adele Vance {n}"),
        "givenName": "Adele",
        "surname": format!("Vance{n}"),
        "jobTitle": job_title,
        "mail": mail,
        "mobilePhone": mobile_phone,
        "officeLocation": format!("18/{}", 2000 + n % 500),
        "preferredLanguage": "en-US",
        "userPrincipalName": mail,
        "accountEnabled": n % 10 != 0,
        "mailNickname": nickname,
        "usageLocation": "US",
        "createdDateTime": format!("2021-0{}-1{}T08:{:02}:00Z", 1 + n % 9, n % 10, n % 60),
        "assignedLicenses": [{"disabledPlans": [], "skuId": "b05e124f-c7cc-45a0-a6aa-8cf78c946968"}],
        "proxyAddresses": [format!("SMTP:{mail}")],
        "passwordPolicies": "DisablePasswordExpiration"
    })
}

fn read(file: &str, how: &str) {
    let text = std::fs::read_to_string(file).expect("the users file reads");
    let start = Instant::now();
    let count = match how {
        "typed" => serde_json::from_str::<Collection<User>>(&text).expect("users read").len(),
        "value" => serde_json::from_str::<serde_json::Value>(&text).expect("JSON reads")["value"]
            .as_array()
            .map_or(0, Vec::len),
        _ => panic!("read as `typed` or `value`"),
    };
    let elapsed = start.elapsed();
    println!("{how}: {count} users in {} ms", elapsed.as_millis());
}

fn sizes() {
    println!("size_of::<User>() = {} bytes", std::mem::size_of::<User>());
    #[cfg(feature = "full")]
    {
        let event = std::mem::size_of::<models::graph::Event>();
        let drive_item = std::mem::size_of::<models::graph::DriveItem>();
        println!("size_of::<Event>() = {event} bytes");
        println!("size_of::<DriveItem>() = {drive_item} bytes");
    }
}
