import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { SendToMeTest } from './test/SendToMeTest';
import { TeamMemberTest } from './test/TeamMemberTest';

/** Step 3: test the way Kakao's reviewers ask — to yourself, then to a team member who is an app member. */
export function TestSection(props: { model: OptionsModel; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <Section
      name="test"
      title={i18n.t('options.test.title')}
      intro={i18n.t('options.test.intro')}
      headingRef={props.headingRef}
    >
      <SendToMeTest model={props.model} />
      <TeamMemberTest model={props.model} />
    </Section>
  );
}
