using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

[Collection(AppServerCollection.Name)]
public sealed class MeetingTests(AppServer app)
{
    [Fact]
    public async Task The_secretariat_creates_a_two_day_meeting_with_its_agenda_and_a_room_in_the_app()
    {
        var page = await app.NewPageAsync(signInAs: "secretariat");
        await page.GotoAsync("/meetings");
        await page.GetByRole(AriaRole.Link, new() { Name = "New meeting" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Regional consultation, Nairobi");
        await page.GetByLabel("Time zone of the agenda").FillAsync("Africa/Nairobi");
        await page.GetByLabel("First day").FillAsync("2026-12-07");
        await page.GetByLabel("Number of days").FillAsync("2");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "meeting-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the meeting" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/meetings/regional-consultation-nairobi/edit$"));
        await Assertions.Expect(page.GetByText("The meeting was created.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tuesday 8 December 2026" })).ToBeVisibleAsync();
        var firstDay = page.Locator(".agenda-edit").First;
        await firstDay.GetByLabel("Time").FillAsync("09:00");
        await firstDay.GetByLabel("Add an item").FillAsync("Opening and introductions");
        var secondDay = page.Locator(".agenda-edit").Nth(1);
        await secondDay.GetByLabel("Time").FillAsync("10:30");
        await secondDay.GetByLabel("Add an item").FillAsync("Breakout rooms on the principles");
        await secondDay.GetByLabel("Kind").SelectOptionAsync("Breakout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The meeting was saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".agenda-item")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up the meeting" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a room to \"Breakout rooms on the principles\"" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Data and transparency");
        await page.GetByLabel("Moderator", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mona Moderator (City of Lakeside)" });
        await page.GetByLabel("Esi Expert").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save room" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The room was saved.")).ToBeVisibleAsync();

        await page.GotoAsync("/meetings/regional-consultation-nairobi/edit");
        await page.Locator(".day-edit").Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Remove" }).CheckAsync(); // its opening plenary would go with it
        await page.Locator(".day-edit").Nth(1).GetByRole(AriaRole.Checkbox, new() { Name = "Remove" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("7 December 2026 still has 'Opening and introductions' on its agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("8 December 2026 still has 'Breakout rooms on the principles' on its agenda");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "meeting-setup-refused");

        // keep the second day and move the opening to it: the first day can go
        await page.Locator(".day-edit").Nth(1).GetByRole(AriaRole.Checkbox, new() { Name = "Remove" }).UncheckAsync();
        await page.Locator(".agenda-edit").First.GetByLabel("Day").SelectOptionAsync(new SelectOptionValue { Label = "Tue 8 Dec" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The meeting was saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".meeting-day")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".agenda-item")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Data and transparency", Exact = true })).ToBeVisibleAsync();

        var phone = await app.NewPageAsync(signInAs: "secretariat", width: 375, height: 800);
        await phone.GotoAsync("/meetings/regional-consultation-nairobi/edit");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await AppServer.ScreenshotAsync(phone, "meeting-setup-phone");
        var scrolls = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(scrolls, "The set-up page scrolls sideways on a phone.");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_moderator_finds_their_room_in_the_agenda_and_an_outsider_is_refused()
    {
        var moderator = await app.NewPageAsync(signInAs: "moderator2");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Meetings" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Second expert group meeting on the people-centred smart city guidelines" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await AppServer.ScreenshotAsync(moderator, "meeting-agenda");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Community engagement, participation and capacity" }).ClickAsync();

        await Assertions.Expect(moderator.GetByText("You are in this room as its moderator.")).ToBeVisibleAsync();
        await Assertions.Expect(moderator.Locator(".room-draft [data-anchor]").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await AppServer.ScreenshotAsync(moderator, "room-workspace");

        var secretariat = await app.NewPageAsync(signInAs: "secretariat");
        await secretariat.GotoAsync("/meetings/egm-2");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Set up Community engagement, participation and capacity" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByLabel("Moderator", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await Accessibility.AssertNoSeriousViolationsAsync(secretariat);
        await AppServer.ScreenshotAsync(secretariat, "room-setup");
        await secretariat.Context.CloseAsync();

        var outsider = await app.NewPageAsync(signInAs: "expert");
        await outsider.GotoAsync(moderator.Url);
        await Assertions.Expect(outsider.GetByTestId("room-refusal")).ToContainTextAsync("You are not a member of this breakout room.");
        await moderator.Context.CloseAsync();
        await outsider.Context.CloseAsync();
    }

    [Fact]
    public async Task Moderator_note_taker_and_member_run_a_room_and_its_takeaway_reaches_the_plenary_summary()
    {
        var moderator = await app.NewPageAsync(signInAs: "moderator3", width: 1400);
        await moderator.GotoAsync("/meetings/egm-2");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Digital inclusion, equity and digital human rights" }).ClickAsync();
        var roomUrl = moderator.Url;
        await Assertions.Expect(moderator.Locator("#room-status")).ToHaveTextAsync("Live.");
        var noteTaker = await app.NewPageAsync(signInAs: "notetaker3", width: 1400);
        var member = await app.NewPageAsync(signInAs: "expert6", width: 1400);
        await noteTaker.GotoAsync(roomUrl);
        await member.GotoAsync(roomUrl);
        await Assertions.Expect(member.Locator("#room-status")).ToHaveTextAsync("Live.");

        // The moderator opens the room and focuses everyone on a paragraph far down the page.
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Open the room" }).ClickAsync();
        await Assertions.Expect(noteTaker.Locator("#room-state")).ToHaveTextAsync("Open");
        var last = await moderator.Locator("#focus-anchor option").Last.GetAttributeAsync("value");
        await moderator.Locator("#focus-anchor").SelectOptionAsync(last!);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Focus" }).ClickAsync();
        var focused = member.Locator(".room-draft .blk.is-focused");
        await Assertions.Expect(focused).ToHaveAttributeAsync("data-block", last!);
        await Assertions.Expect(focused).ToBeInViewportAsync();

        // The note-taker's notes appear for the member as they are saved, rendered from Markdown.
        await noteTaker.GetByLabel("Edit the notes").FillAsync("- Name people with disabilities and older people explicitly.");
        await Assertions.Expect(member.Locator("#notes-view li")).ToHaveTextAsync("Name people with disabilities and older people explicitly.", new() { Timeout = 10000 });

        // The member raises a hand; the moderator gives the floor.
        await member.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#hands")).ToContainTextAsync("Elena Expert");
        await moderator.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Give the floor") }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#hands li")).ToHaveCountAsync(0);
        await Assertions.Expect(member.Locator("#room-floor")).ToHaveTextAsync("You (Elena Expert)");

        // A takeaway, marked for plenary and supported.
        await noteTaker.GetByRole(AriaRole.Textbox, new() { Name = "Takeaway" }).FillAsync("Add a commitment on accessible public digital services.");
        await noteTaker.GetByLabel("Principles (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Digital inclusion and equity" });
        await noteTaker.GetByRole(AriaRole.Button, new() { Name = "Record takeaway" }).ClickAsync();
        var takeaway = noteTaker.Locator(".takeaway", new() { HasText = "accessible public digital services" });
        await takeaway.GetByRole(AriaRole.Button, new() { Name = "Mark for plenary" }).ClickAsync();
        await member.Locator(".takeaway", new() { HasText = "accessible public digital services" }).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("support:") }).ClickAsync();
        await Assertions.Expect(takeaway).ToContainTextAsync("For plenary");
        await Assertions.Expect(takeaway).ToContainTextAsync("inclusion");
        await Assertions.Expect(takeaway.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("support:") })).ToContainTextAsync("+1 (1)");

        // Two more; the later one is marked for plenary too, and moved up within the for-plenary ones, as the list shows them.
        foreach (var text in new[] { "Publish accessibility audits of city apps.", "Keep a non-digital way to use every service." })
        {
            await noteTaker.GetByRole(AriaRole.Textbox, new() { Name = "Takeaway" }).FillAsync(text);
            await noteTaker.GetByRole(AriaRole.Button, new() { Name = "Record takeaway" }).ClickAsync();
            await Assertions.Expect(noteTaker.Locator(".takeaway", new() { HasText = text })).ToBeVisibleAsync();
        }

        var nonDigital = noteTaker.Locator(".takeaway", new() { HasText = "non-digital way" });
        await nonDigital.GetByRole(AriaRole.Button, new() { Name = "Mark for plenary" }).ClickAsync();
        await Assertions.Expect(noteTaker.Locator(".takeaway")).ToContainTextAsync(["accessible public digital services", "non-digital way", "accessibility audits"]);
        await nonDigital.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Move up") }).ClickAsync();
        await Assertions.Expect(member.Locator(".takeaway")).ToContainTextAsync(["non-digital way", "accessible public digital services", "accessibility audits"]);
        await Assertions.Expect(noteTaker.Locator(".takeaway", new() { HasText = "accessibility audits" }).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Move up") }))
            .ToHaveCountAsync(0); // the first of those not for plenary
        await AppServer.ScreenshotAsync(noteTaker, "room-note-taker");
        await AppServer.ScreenshotAsync(member, "room-member");
        await Accessibility.AssertNoSeriousViolationsAsync(noteTaker);
        await Accessibility.AssertNoSeriousViolationsAsync(member);

        // The plenary summary lists them as the room does: for plenary first, in the room's order.
        await moderator.GotoAsync("/meetings/egm-2/summary");
        var room = moderator.Locator("article[data-room-title='Digital inclusion, equity and digital human rights']");
        await Assertions.Expect(room.Locator("li")).ToContainTextAsync(["non-digital way", "accessible public digital services", "accessibility audits"]);
        await Assertions.Expect(room.Locator("li").Nth(1)).ToContainTextAsync("For plenary");
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await AppServer.ScreenshotAsync(moderator, "plenary-summary");

        var phone = await app.NewPageAsync(signInAs: "expert7", width: 375, height: 740);
        await phone.GotoAsync(roomUrl);
        await Assertions.Expect(phone.Locator("#room-status")).ToHaveTextAsync("Live.");
        await Assertions.Expect(phone.Locator("#notes-view li")).ToHaveTextAsync("Name people with disabilities and older people explicitly."); // still rendered once live
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the room page scrolls sideways by {overflow}px");
        await AppServer.ScreenshotAsync(phone, "room-phone");

        // The secretariat takes expert7 out of the room: their open page says so and stops.
        var secretariat = await app.NewPageAsync(signInAs: "secretariat");
        await secretariat.GotoAsync("/meetings/egm-2");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Set up Digital inclusion, equity and digital human rights" }).ClickAsync();
        await secretariat.GetByLabel("Ebo Expert").UncheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Save room" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("The room was saved.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#room-removed")).ToHaveTextAsync("You are no longer a member of this room.");
        await Assertions.Expect(phone.Locator("#room-presence")).ToBeEmptyAsync();
        await Assertions.Expect(member.Locator("#room-presence")).Not.ToContainTextAsync("Ebo Expert");
        await AppServer.ScreenshotAsync(phone, "room-removed-phone");
        foreach (var page in new[] { moderator, noteTaker, member, phone, secretariat })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_room_toolbar_is_on_a_phones_screen_and_runs_the_hand_the_timer_and_the_floor()
    {
        const string roomTitle = "Digital infrastructure, city services and governance";
        var moderator = await app.NewPageAsync(signInAs: "moderator");
        await moderator.GotoAsync("/meetings/egm-2");
        await moderator.GetByRole(AriaRole.Link, new() { Name = roomTitle }).ClickAsync();
        var roomUrl = moderator.Url;
        var phone = await app.NewPageAsync(signInAs: "expert", width: 375, height: 740);
        await phone.GotoAsync(roomUrl);
        await Assertions.Expect(moderator.Locator("#room-status")).ToHaveTextAsync("Live.");
        await Assertions.Expect(phone.Locator("#room-status")).ToHaveTextAsync("Live.");
        if (await moderator.GetByRole(AriaRole.Button, new() { Name = "Open the room" }).IsVisibleAsync())
        {
            await moderator.GetByRole(AriaRole.Button, new() { Name = "Open the room" }).ClickAsync();
        }

        // On the phone the toolbar sits inside the screen without scrolling, and the page's last line is not under it.
        var toolbar = phone.GetByRole(AriaRole.Region, new() { Name = "Room toolbar" });
        var hand = phone.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" });
        await Assertions.Expect(hand).ToBeVisibleAsync();
        await AssertInViewportAsync(phone, toolbar);
        await AssertInViewportAsync(phone, hand);
        var share = (await toolbar.BoundingBoxAsync())!.Height / 740;
        Assert.True(share < 0.25, $"the toolbar takes {share:P0} of the phone's screen");
        await phone.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");
        await AssertInViewportAsync(phone, toolbar);
        var clear = await phone.EvaluateAsync<double>("() => document.querySelector('.site-footer').getBoundingClientRect().bottom - document.querySelector('#room').getBoundingClientRect().top");
        Assert.True(clear <= 1, $"the page's end is {clear}px under the toolbar");
        await Accessibility.AssertTouchTargetsAsync(toolbar);
        await Accessibility.AssertTouchTargetsAsync(moderator.GetByRole(AriaRole.Region, new() { Name = "Room toolbar" }));

        // Raise and lower: one toggle, its label and pressed state say which.
        await hand.ClickAsync();
        var lower = phone.GetByRole(AriaRole.Button, new() { Name = "Lower my hand" });
        await Assertions.Expect(lower).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(moderator.Locator("#hands")).ToContainTextAsync("Esi Expert");
        await lower.ClickAsync();
        await Assertions.Expect(hand).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(moderator.Locator("#hands li")).ToHaveCountAsync(0);

        // The timer: Start becomes Stop and +1 min while it runs, and the phone counts down with the moderator.
        await moderator.GetByLabel("Timer minutes").FillAsync("5");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Start the timer" }).ClickAsync();
        var stop = moderator.GetByRole(AriaRole.Button, new() { Name = "Stop the timer" });
        await Assertions.Expect(stop).ToBeVisibleAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Button, new() { Name = "Start the timer" })).ToBeHiddenAsync();
        await Assertions.Expect(phone.Locator("#room-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[45]:[0-5][0-9]$"));
        await moderator.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("add a minute") }).ClickAsync();
        await Assertions.Expect(phone.Locator("#room-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[56]:[0-5][0-9]$"));
        await Assertions.Expect(moderator.Locator("#room-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[56]:[0-5][0-9]$"));

        // Give the floor: the name stays in the toolbar (not just a toast), also after a reload, until cleared.
        await hand.ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Button, new() { Name = "Give the floor (1 waiting)" })).ToBeEnabledAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Give the floor (1 waiting)" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#room-floor")).ToHaveTextAsync("Esi Expert");
        await Assertions.Expect(phone.Locator("#room-floor")).ToHaveTextAsync("You (Esi Expert)");
        await Assertions.Expect(hand).ToHaveAttributeAsync("aria-pressed", "false");
        await phone.WaitForTimeoutAsync(3500); // longer than the toast
        await Assertions.Expect(phone.Locator("#room-floor")).ToHaveTextAsync("You (Esi Expert)");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await phone.EvaluateAsync("window.scrollTo(0, 0)");
        await AppServer.ScreenshotAsync(phone, "room-toolbar-phone");
        await AppServer.ScreenshotAsync(moderator, "room-toolbar-desktop");
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#room-floor")).ToHaveTextAsync("You (Esi Expert)");
        await Assertions.Expect(phone.Locator("#room-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[56]:[0-5][0-9]$"));
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the room page scrolls sideways by {overflow}px");

        await stop.ClickAsync();
        await Assertions.Expect(phone.Locator("#room-timer")).ToHaveTextAsync("No timer");
        await Assertions.Expect(moderator.GetByRole(AriaRole.Button, new() { Name = "Start the timer" })).ToBeVisibleAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Clear the floor" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#room-floor")).ToHaveTextAsync("Nobody");

        // Focus is chosen by words, and everyone sees where in words.
        var options = await moderator.Locator("#focus-anchor option").AllTextContentsAsync();
        Assert.All(options, o => Assert.Matches("^\\d+(\\.\\d+)*\\.? \\S", o));
        Assert.Contains(options, o => o.Contains('“', StringComparison.Ordinal));
        Assert.True(await moderator.Locator("#focus-anchor optgroup").CountAsync() >= 2);
        await moderator.Locator("#focus-anchor").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        var chosen = (await moderator.Locator("#focus-anchor option:checked").TextContentAsync())!;
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Focus", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("#room-focus-link")).ToHaveTextAsync(chosen);

        // The moderator's notes reach the plenary summary, where a member of another room reads them.
        await moderator.GetByLabel("Edit the notes").FillAsync("- Say who oversees the city's data platform.");
        await Assertions.Expect(moderator.Locator("#notes-saved")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Saved"));
        foreach (var (width, height) in new[] { (1280, 900), (375, 740) })
        {
            var reader = await app.NewPageAsync(signInAs: "expert2", width: width, height: height);
            await reader.GotoAsync("/meetings/egm-2/summary");
            var card = reader.Locator($"article[data-room-title='{roomTitle}']");
            await card.GetByText("Notes of the room").ClickAsync();
            await Assertions.Expect(card.Locator(".room-notes li")).ToHaveTextAsync("Say who oversees the city's data platform.");
            await Accessibility.AssertNoSeriousViolationsAsync(reader);
            await card.ScrollIntoViewIfNeededAsync();
            await AppServer.ScreenshotAsync(reader, $"plenary-summary-notes-{width}");
            await card.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("on a page of their own") }).ClickAsync();
            await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = $"Notes of {roomTitle}" })).ToBeVisibleAsync();
            await Assertions.Expect(reader.Locator("#notes-view li")).ToHaveTextAsync("Say who oversees the city's data platform.");
            await Assertions.Expect(reader.Locator("textarea")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolationsAsync(reader);
            var sideways = await reader.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(sideways <= 0, $"the notes page scrolls sideways by {sideways}px at {width}px");
            await AppServer.ScreenshotAsync(reader, $"room-notes-readonly-{width}");
            await reader.Context.CloseAsync();
        }

        await moderator.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    private static async Task AssertInViewportAsync(IPage page, ILocator locator)
    {
        var box = (await locator.BoundingBoxAsync())!;
        var viewport = page.ViewportSize!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width + 0.5 && box.Y + box.Height <= viewport.Height + 0.5,
            $"{locator} is at {box.X},{box.Y} {box.Width}×{box.Height}, outside the {viewport.Width}×{viewport.Height} screen");
    }

    [Fact]
    public async Task Two_editors_typing_at_once_lose_nothing_and_the_second_sees_both_texts()
    {
        const string theirs = "- Say who finances the first steps.";
        const string mine = "- Link local climate action to national plans.";
        var moderator = await app.NewPageAsync(signInAs: "moderator4", width: 1400);
        var noteTaker = await app.NewPageAsync(signInAs: "notetaker4", width: 1400);
        // The moderator's clock is the test's: their autosave waits until the note-taker's has gone through.
        await moderator.Clock.InstallAsync();
        await moderator.GotoAsync("/meetings/egm-2");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Environmental sustainability and economic development" }).ClickAsync();
        await noteTaker.GotoAsync(moderator.Url);
        await Assertions.Expect(moderator.Locator("#room-status")).ToHaveTextAsync("Live.");
        await Assertions.Expect(noteTaker.Locator("#room-status")).ToHaveTextAsync("Live.");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Open the room" }).ClickAsync();
        await Assertions.Expect(noteTaker.Locator("#room-state")).ToHaveTextAsync("Open");
        var editor = moderator.GetByLabel("Edit the notes");

        // Both type on the empty notes; the note-taker's save lands while the moderator's text is unsaved.
        await moderator.Clock.PauseAtAsync(DateTimeOffset.FromUnixTimeMilliseconds(await moderator.EvaluateAsync<long>("Date.now()") + 100).UtcDateTime);
        await editor.FillAsync(mine);
        await noteTaker.GetByLabel("Edit the notes").FillAsync(theirs);
        await Assertions.Expect(noteTaker.Locator("#notes-saved")).ToHaveTextAsync("Saved (version 1).");
        await Assertions.Expect(moderator.Locator("#notes-view li")).ToHaveTextAsync("Say who finances the first steps.");
        await moderator.Clock.RunForAsync(2000); // the moderator's autosave, on the version their text was written on
        await moderator.Clock.ResumeAsync();

        await Assertions.Expect(moderator.Locator("#notes-conflict")).ToBeVisibleAsync();
        await Assertions.Expect(moderator.Locator("#notes-theirs")).ToHaveValueAsync(theirs);
        await Assertions.Expect(editor).ToHaveValueAsync(mine);
        await Assertions.Expect(moderator.Locator("#notes-saved")).ToHaveTextAsync("Not saved: someone else saved first. Both texts are kept; choose below.");
        await Assertions.Expect(noteTaker.Locator("#notes-view")).Not.ToContainTextAsync("climate");
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await moderator.Locator("#notes-conflict").ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(moderator, "room-notes-conflict");

        // A reload does not save the browser's copy over theirs either: it was written on the empty notes.
        await moderator.ReloadAsync();
        await Assertions.Expect(moderator.Locator("#notes-conflict")).ToBeVisibleAsync();
        await Assertions.Expect(moderator.Locator("#notes-theirs")).ToHaveValueAsync(theirs);
        await Assertions.Expect(editor).ToHaveValueAsync(mine);

        // Continuing from their text keeps the moderator's own on screen to copy, until closed.
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Continue from their text" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveValueAsync(theirs);
        await Assertions.Expect(moderator.GetByLabel("Your text, not saved")).ToHaveValueAsync(mine);
        await moderator.Locator("#notes-conflict").ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(moderator, "room-notes-kept");
        await editor.FillAsync($"{theirs}\n{mine}");
        await Assertions.Expect(noteTaker.Locator("#notes-view li")).ToHaveTextAsync(["Say who finances the first steps.", "Link local climate action to national plans."]);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Discard my unsaved text" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("#notes-conflict")).ToBeHiddenAsync();
        await Assertions.Expect(noteTaker.GetByLabel("Edit the notes")).ToHaveValueAsync($"{theirs}\n{mine}");
        await moderator.Context.CloseAsync();
        await noteTaker.Context.CloseAsync();
    }
}
