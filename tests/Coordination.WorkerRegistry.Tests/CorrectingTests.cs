using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Correcting;
using static Coordination.WorkerRegistry.Tests.Given;

namespace Coordination.WorkerRegistry.Tests;

public class CorrectingTests
{
    private static CorrectRecord Correction(string? name = null, Sex? sex = null, DateOnly? birth = null, string? origin = null,
        string? nik = null, FamilyContact? family = null) =>
        new(Id, name, sex, birth, origin is null ? null : Region(origin), NikOf(nik), null, family, "as on the family card (KK)",
            "disnakertrans-ntt", Now);

    [Fact]
    public void Given_a_new_name_Then_the_correction_names_the_field_with_old_and_new_value_and_the_reason()
    {
        var decision = CorrectRecordDecision.Decide(Correction(name: "Yohanes Contoh Fiktif"), Worker());

        var corrected = Assert.IsType<RecordCorrected>(Assert.Single(decision.Events));
        Assert.Equal([new FieldCorrection("fullName", "Yohanes Contoh", "Yohanes Contoh Fiktif")], corrected.Corrections);
        Assert.Equal("as on the family card (KK)", corrected.Reason);
        var after = Evolved(Worker(), corrected);
        Assert.Equal("Yohanes Contoh Fiktif", after.FullName);
        Assert.DoesNotContain("Fiktif", after.History[^1].Summary); // the history names fields, not values
    }

    [Fact]
    public void Given_only_values_the_record_already_has_Then_there_is_nothing_to_correct() =>
        Assert.IsType<RuleBroken>(CorrectRecordDecision.Decide(Correction(name: "Yohanes Contoh", origin: "53.01.06"), Worker()).Error);

    [Fact]
    public void Given_a_birth_date_the_kept_NIK_does_not_encode_Then_the_birthDate_rule_is_broken() =>
        Assert.Equal("birthDate", Assert.IsType<RuleBroken>(
            CorrectRecordDecision.Decide(Correction(birth: new DateOnly(1998, 3, 13)), Worker()).Error).Field);

    [Fact]
    public void Given_a_new_sex_the_kept_NIK_does_not_encode_Then_the_sex_rule_is_broken() =>
        Assert.Equal("sex", Assert.IsType<RuleBroken>(CorrectRecordDecision.Decide(Correction(sex: Sex.Female), Worker()).Error).Field);

    [Fact]
    public void Given_a_birth_date_and_a_NIK_corrected_together_Then_both_change()
    {
        var decision = CorrectRecordDecision.Decide(Correction(birth: new DateOnly(1998, 3, 13), nik: "5301061303980001"), Worker());

        var after = Evolved(Worker(), [.. decision.Events]);
        Assert.Equal(new DateOnly(1998, 3, 13), after.BirthDate);
        Assert.Equal("5301061303980001", after.Nik);
    }

    [Fact]
    public void Given_an_unknown_origin_Then_the_originRegion_rule_is_broken() =>
        Assert.Equal("originRegion", Assert.IsType<RuleBroken>(CorrectRecordDecision.Decide(Correction(origin: "53.01.01"), Worker()).Error).Field);

    [Fact]
    public void Given_a_record_without_NIK_When_a_NIK_is_linked_Then_the_identity_is_verified()
    {
        var unverified = Worker(Registration(nik: null));

        var after = Evolved(unverified, [.. CorrectRecordDecision.Decide(Correction(nik: "5301061203980001"), unverified).Events]);

        Assert.True(after.IdentityVerified);
    }

    [Fact]
    public void Given_a_family_contact_Then_it_is_corrected_whole()
    {
        var family = new FamilyContact("Agustina Contoh", "mother", "0812 3456 7890");

        var after = Evolved(Worker(), [.. CorrectRecordDecision.Decide(Correction(family: family), Worker()).Events]);

        Assert.Equal(family, after.FamilyContact);
        Assert.Equal("081234567890", after.FamilyPhoneKey);
    }
}
